/**
 * What an operator sees of the server at work: each tool call measured and logged once, whichever
 * door it came through ({@link com.classifiedbilling.observability.ToolCallObservation}), the
 * credential failures that never reach a tool, and the trace a call continues. Meters carry only
 * tags with few values (door, era, tool, outcome, plan, kind): never a user, workspace or client.
 */
package com.classifiedbilling.observability;
