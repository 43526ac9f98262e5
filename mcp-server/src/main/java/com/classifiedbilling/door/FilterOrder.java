package com.classifiedbilling.door;

import org.springframework.core.Ordered;

/**
 * The order of the web filters, top to bottom: the one place it is written. Each filter's
 * {@code @Order} names its constant here; {@code FilterOrderTests} checks the running application
 * keeps this order. Before authentication only what needs no caller runs (the path, the Origin, the
 * per-address limit); the message is read only for an authenticated caller, and the checks that
 * need it come after.
 */
public final class FilterOrder {

    private FilterOrder() {}

    /**
     * {@link ManagementPortFilter}: the management port ({@code MANAGEMENT_PORT}) answers the
     * actuator only (404).
     */
    public static final int KEEP_MANAGEMENT_PORT = Ordered.HIGHEST_PRECEDENCE;

    /** {@link FrontDoorFilter}: refuses non-canonical paths, recognises the door. */
    public static final int RECOGNISE_PATH = KEEP_MANAGEMENT_PORT + 1;

    /** {@code mcp.OriginFilter}: a browser origin that is not allowed gets 403 on the MCP doors. */
    public static final int CHECK_ORIGIN = RECOGNISE_PATH + 1;

    /** {@code ratelimit.AddressRateLimitFilter}: the credential-free OAuth endpoints, per address. */
    public static final int LIMIT_ADDRESS = CHECK_ORIGIN + 1;

    /**
     * {@code auth.oauth.TrustedHostFilter}: without a public URL, the OAuth endpoints and metadata
     * answer only for loopback and allowed hosts (400).
     */
    public static final int CHECK_HOST = LIMIT_ADDRESS + 1;

    /**
     * {@code auth.web.ParametersFilter}: reads the query string and the OAuth endpoints' forms
     * strictly (400 for a bad escape or a control character, 413 for a form too large).
     */
    public static final int READ_PARAMETERS = CHECK_HOST + 1;

    /**
     * Spring Security's chain ({@code WebFluxSecurityConfiguration}'s own order, -100): the bearer
     * credential (401, 429 after too many failures from one address, 503), the consent page's CSRF.
     */
    public static final int AUTHENTICATE = -100;

    /** {@link MessageFilter}: reads and parses the body of a door's {@code POST} once (400, 413, 415). */
    public static final int READ_MESSAGE = AUTHENTICATE + 1;

    /**
     * {@code observability.ObserveToolCallFilter}: a tool call is measured from here, so that the
     * refusals below are counted and logged as tool calls.
     */
    public static final int OBSERVE_TOOL_CALL = READ_MESSAGE + 1;

    /** {@code scope.ToolScopeFilter}: a tool call the credential has no scope for gets 403. */
    public static final int CHECK_SCOPE = OBSERVE_TOOL_CALL + 1;

    /** {@code ratelimit.RateLimitFilter}: counts the tool call against the plan (429). */
    public static final int LIMIT_PLAN = CHECK_SCOPE + 1;

    /** {@code mcp.SseSessionGuard}: SSE sessions per user, bound to their user (404, 429, 503). */
    public static final int GUARD_SSE_SESSION = LIMIT_PLAN + 1;
}
