package com.classifiedbilling.tool;

/**
 * What a tool does to the world, for clients that ask before acting (MCP tool annotations).
 *
 * @param readOnly it changes nothing
 * @param destructive it may change or overwrite what exists (not only add)
 * @param idempotent calling it again with the same input has no further effect
 * @param openWorld it reaches beyond this server's own data
 * @param why the reasoning behind these values, for {@code docs/tools.md}
 */
public record ToolHints(boolean readOnly, boolean destructive, boolean idempotent, boolean openWorld, String why) {

    /** A tool that only reads this server's data. */
    public static final ToolHints READ_ONLY = new ToolHints(
            true, false, true, false, "It only reads this server's billing data; calling it again changes nothing.");
}
