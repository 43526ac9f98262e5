/**
 * The tools, one class each with its input and result records, and the {@link
 * com.classifiedbilling.tool.ToolRegistry} that every door calls. A tool knows nothing of which door
 * called it; its JSON schemas come from {@code schema/tools}.
 */
package com.classifiedbilling.tool;
