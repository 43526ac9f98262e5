/**
 * Per-user request limits by plan (the API page's table), on every door that calls a tool:
 * Bucket4j buckets, in memory on one instance or shared through Redis across several, with the
 * in-memory buckets standing in whenever Redis cannot be reached.
 */
package com.classifiedbilling.ratelimit;
