package com.classifiedbilling.site;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import com.classifiedbilling.door.Door;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

/**
 * {@code GET /} (what this server is, as a page or, for {@code Accept: application/json}, as JSON),
 * {@code GET /privacy}, {@code GET /support} and the icons. The pages are the defaults an operator
 * may replace by pointing {@code billing.oauth.policy-uri} and {@code billing.oauth.service-documentation}
 * elsewhere; they are plain HTML with no script, and say what the server keeps and where to ask.
 */
@Configuration(proxyBeanMethods = false)
public final class SitePages {

    /** One of the server's icons: where it is served, the file in the jar, its type and its sizes. */
    public record Icon(String path, String resource, String mimeType, String sizes) {}

    /** The icons, SVG first. */
    public static final List<Icon> ICONS = List.of(
            new Icon("/icons/classifiedbilling.svg", "static/icons/classifiedbilling.svg", "image/svg+xml", "any"),
            new Icon("/icons/classifiedbilling-64.png", "static/icons/classifiedbilling-64.png", "image/png", "64x64"),
            new Icon(
                    "/icons/classifiedbilling-256.png",
                    "static/icons/classifiedbilling-256.png",
                    "image/png",
                    "256x256"));

    public static final String PRIVACY = "/privacy";

    public static final String SUPPORT = "/support";

    @Bean
    RouterFunction<ServerResponse> siteRouter(SiteProperties site) {
        String privacy = page("Privacy policy", privacyBody(site));
        String support = page("Support", supportBody(site));
        String home = page("ClassifiedBilling MCP server", homeBody());
        RouterFunctions.Builder routes = RouterFunctions.route()
                .GET("/", request -> home(request, home))
                .GET(PRIVACY, request -> html(privacy))
                .GET(SUPPORT, request -> html(support));
        for (Icon icon : ICONS) {
            ClassPathResource file = new ClassPathResource(icon.resource());
            routes.route(
                    GET(icon.path()),
                    request -> ServerResponse.ok()
                            .contentType(MediaType.parseMediaType(icon.mimeType()))
                            .cacheControl(
                                    CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                            .header("X-Content-Type-Options", "nosniff")
                            .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                            .bodyValue(file));
        }
        return routes.build();
    }

    /** {@code GET /}: the page for a browser, JSON for a client that asks for it; caches keep both apart. */
    private static Mono<ServerResponse> home(ServerRequest request, String page) {
        boolean json = prefersJson(request);
        return ServerResponse.ok()
                .contentType(json ? MediaType.APPLICATION_JSON : MediaType.TEXT_HTML)
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'")
                .bodyValue(json ? homeJson() : page);
    }

    private static Mono<ServerResponse> html(String page) {
        return ServerResponse.ok()
                .contentType(MediaType.TEXT_HTML)
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'")
                .bodyValue(page);
    }

    /** Whether the caller asked for JSON rather than a page (an API client, not a browser). */
    private static boolean prefersJson(ServerRequest request) {
        for (MediaType type : request.headers().accept()) {
            if (type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType()) {
                return false;
            }
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()) {
                return true;
            }
        }
        return false;
    }

    /** What {@code GET /} says to an API client: what this is, where the doors are, where to read on. */
    private static Map<String, Object> homeJson() {
        Map<String, Object> home = new LinkedHashMap<>();
        home.put("name", "ClassifiedBilling MCP server");
        home.put("description", "Billing data (workspaces, customers, invoices) as MCP tools and a JSON API.");
        Map<String, String> doors = new LinkedHashMap<>();
        doors.put("mcp", Door.STREAMABLE_HTTP.path());
        doors.put("sse", Door.SSE.path());
        doors.put("json", Door.LEGACY.path());
        home.put("doors", doors);
        home.put("authorization_server_metadata", "/.well-known/oauth-authorization-server");
        home.put("support", SUPPORT);
        home.put("privacy", PRIVACY);
        return home;
    }

    private static String homeBody() {
        return "<p>This server gives AI assistants and HTTP clients access to ClassifiedBilling data: workspaces, "
                + "customers and invoices, as MCP tools.</p><ul>"
                + "<li>MCP over Streamable HTTP: <code>POST " + Door.STREAMABLE_HTTP.path() + "</code> (protocol "
                + "2026-07-28 and 2025-11-25)</li>"
                + "<li>MCP over HTTP+SSE: <code>GET " + Door.SSE.path() + "</code></li>"
                + "<li>JSON: <code>POST " + Door.LEGACY.path() + "</code> with <code>{\"tool\", \"input\"}</code></li>"
                + "</ul><p>Every door takes <code>Authorization: Bearer</code> with an API key or an OAuth access token; "
                + "clients find the authorization server at <a href=\"/.well-known/oauth-authorization-server\">"
                + "/.well-known/oauth-authorization-server</a>.</p><p><a href=\"" + SUPPORT + "\">Support</a> · "
                + "<a href=\"" + PRIVACY + "\">Privacy policy</a></p>";
    }

    private static String privacyBody(SiteProperties site) {
        String operator = HtmlUtils.htmlEscape(site.operator());
        String email = HtmlUtils.htmlEscape(site.supportEmail());
        return "<p>This server gives AI assistants such as Claude access to the billing data of your "
                + operator + " account, on your behalf and only as far as the credential you gave allows.</p>"
                + "<h2>What it reads and changes</h2><p>The workspaces, customers and invoices of your account, "
                + "when a tool is called. It changes them only through the two write tools: creating a customer "
                + "and recording an invoice's payment, each recorded in the workspace's audit trail.</p>"
                + "<h2>What it keeps</h2><ul><li>Your billing data, in " + operator + "'s database.</li>"
                + "<li>API keys and OAuth tokens only as SHA-256 hashes, never as sent; the apps you approved and "
                + "when.</li><li>Logs with a request id, the tool called and the outcome; never a key, token or "
                + "password.</li></ul><h2>What it shares</h2><p>Answers go only to the app that made the call "
                + "with your credential. Nothing is sold or passed to anyone else. What that app (for example "
                + "Claude) does with an answer is governed by its own policy.</p>"
                + "<h2>Your choices</h2><p>Revoke an API key in Settings → API Keys; revoking it ends every app "
                + "access approved with it. Write to <a href=\"mailto:" + email + "\">" + email + "</a> to ask "
                + "what is kept about you or to have it removed.</p>";
    }

    private static String supportBody(SiteProperties site) {
        String email = HtmlUtils.htmlEscape(site.supportEmail());
        return "<p>Connect an MCP client to <code>/mcp</code> (Streamable HTTP) or <code>/sse</code> (HTTP+SSE) "
                + "on this server, with an API key (<code>Authorization: Bearer cb_live_…</code>) or through "
                + "OAuth, which the client starts by itself. HTTP clients call <code>POST /api/mcp-server</code> "
                + "with <code>{\"tool\", \"input\"}</code>.</p><h2>Something is wrong</h2><p>Every error answer "
                + "names the problem; a server error carries a request id. Write to <a href=\"mailto:" + email
                + "\">" + email + "</a> with that id, the tool and the time.</p>"
                + "<p>The <a href=\"" + PRIVACY + "\">privacy policy</a> says what this server keeps.</p>";
    }

    private static String page(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                + "content=\"width=device-width, initial-scale=1\"><title>" + title + " · ClassifiedBilling</title>"
                + "<style>body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;"
                + "color:#1b1b1b}h1{font-size:1.6rem}h2{font-size:1.15rem;margin-top:1.6rem}a{color:#1f3a5f}"
                + "code{font-size:.9em}</style></head><body><header><img src=\""
                + ICONS.get(0).path()
                + "\" alt=\"\" width=\"40\" height=\"40\"></header><main><h1>" + title + "</h1>" + body
                + "</main></body></html>";
    }
}
