package com.classifiedbilling.tool;

/** {@code list_workspaces} takes no input. */
public record ListWorkspacesInput() {}
