/**
 * The front door: where every request is recognised once, before any check. {@link
 * com.classifiedbilling.door.Door} owns the doors' paths and error shapes; {@link
 * com.classifiedbilling.door.FrontDoorFilter} refuses non-canonical paths and names the door; {@link
 * com.classifiedbilling.door.MessageFilter} reads and parses a door's message once; the result, a
 * {@link com.classifiedbilling.door.RecognisedRequest} on the exchange, is what the Origin check,
 * the scope check, the rate limit and the SSE session guard read. {@link
 * com.classifiedbilling.door.EarlyAnswers} is the one way to refuse early, and {@link
 * com.classifiedbilling.door.FilterOrder} the one place the filters' order is written.
 */
package com.classifiedbilling.door;
