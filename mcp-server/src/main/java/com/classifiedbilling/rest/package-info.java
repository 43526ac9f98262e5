/**
 * The JSON HTTP API: the legacy {@code POST /api/mcp-server} door, {@code GET /api/me}, and the
 * one place that turns any failure into {@code {"error": "..."}} without internals.
 */
package com.classifiedbilling.rest;
