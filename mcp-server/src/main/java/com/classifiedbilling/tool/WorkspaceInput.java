package com.classifiedbilling.tool;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The input of the tools that take only a workspace, like {@code get_workspace_summary}. */
public record WorkspaceInput(@JsonProperty("workspace_id") String workspaceId) {}
