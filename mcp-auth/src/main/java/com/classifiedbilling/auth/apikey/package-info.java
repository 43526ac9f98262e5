/**
 * API keys: {@code cb_live_} followed by 32 random bytes, stored only as a SHA-256 hash, resolved
 * to their owner through a short-lived cache so that a hot key does not cost a query per request.
 */
package com.classifiedbilling.auth.apikey;
