package com.classifiedbilling.ratelimit;

/**
 * The outcome of counting one request.
 *
 * @param allowed whether the request may go on
 * @param limit the limit of the window that is closest to running out
 * @param remaining requests left in that window
 * @param resetSeconds seconds until that window starts again
 * @param message for a refused request, what the caller is told
 */
public record RateLimitDecision(boolean allowed, long limit, long remaining, long resetSeconds, String message) {}
