package com.classifiedbilling.auth.oauth.grant;

import com.classifiedbilling.auth.principal.Scope;
import java.net.URI;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;

/**
 * The consent page's HTML: who asks (the client's name and where the answer goes), what it may do,
 * and a form for the API key. Every value from the request is escaped; nothing is loaded from
 * elsewhere, so the page works under a {@code default-src 'none'} policy.
 */
final class ConsentPage {

    private static final Map<Scope, String> SCOPE_TEXT = Map.of(
            Scope.READ, "Read your workspaces, customers, invoices and revenue",
            Scope.WRITE, "Create customers and mark invoices paid");

    private static final String STYLE = """
            body{font:16px/1.5 system-ui,sans-serif;background:#f6f7f9;color:#1d2330;margin:0}
            main{max-width:28rem;margin:3rem auto;background:#fff;border-radius:12px;padding:2rem;\
            box-shadow:0 1px 4px rgba(0,0,0,.08)}
            h1{font-size:1.25rem;margin:0 0 1rem}
            .host{font-family:ui-monospace,monospace;background:#eef1f5;padding:0 .3rem;border-radius:4px}
            label{display:block;font-weight:600;margin:1.25rem 0 .25rem}
            input[type=password]{width:100%;box-sizing:border-box;padding:.6rem;border:1px solid #c5cbd5;\
            border-radius:6px;font:inherit}
            .buttons{display:flex;flex-direction:row-reverse;gap:.75rem;margin-top:1.25rem}
            button{flex:1;padding:.65rem;border-radius:6px;border:1px solid #c5cbd5;background:#fff;font:inherit;cursor:pointer}
            button.approve{background:#1f5eff;border-color:#1f5eff;color:#fff}
            .error{background:#fdecec;color:#8a1c1c;padding:.6rem .8rem;border-radius:6px}
            .note{color:#5b6475;font-size:.875rem}""";

    private ConsentPage() {}

    /** The page asking the user to approve; {@code message} is an error to show, or {@code null}. */
    static String consent(AuthorizationRequest request, String csrfName, String csrfToken, String message) {
        StringBuilder scopes = new StringBuilder();
        for (Scope scope : Scope.values()) {
            if (request.scopes().contains(scope)) {
                scopes.append("<li>").append(SCOPE_TEXT.get(scope)).append("</li>");
            }
        }
        StringBuilder body = new StringBuilder()
                .append("<h1>Connect ")
                .append(escape(request.clientName()))
                .append(" to ClassifiedBilling</h1>");
        if (message != null) {
            body.append("<p class=\"error\" role=\"alert\">")
                    .append(escape(message))
                    .append("</p>");
        }
        body.append("<p><strong>").append(escape(request.clientName())).append("</strong>");
        if (request.clientHost() != null) {
            // the name is the app's own claim; the host its document came from is not
            body.append(" (identified by <span class=\"host\">")
                    .append(escape(request.clientHost()))
                    .append("</span>)");
        }
        body.append(" asks to act for you. After you approve, you return to <span class=\"host\">")
                .append(escape(host(request.redirectUri())))
                .append("</span>.</p>")
                .append(
                        onThisComputer(request.redirectUri())
                                ? "<p class=\"note\">That address is on this computer: any program running here can receive"
                                        + " the answer. Approve only if you just started this app yourself.</p>"
                                : "")
                .append("<p>It will be able to:</p><ul>")
                .append(scopes)
                .append("</ul><form method=\"post\" action=\"/mcp-connect\">")
                .append(hidden(csrfName, csrfToken))
                .append(hidden("client_id", request.clientId()))
                .append(hidden("redirect_uri", request.redirectUri()))
                .append(hidden("response_type", "code"))
                .append(hidden("state", request.state()))
                .append(hidden("code_challenge", request.codeChallenge()))
                .append(hidden("code_challenge_method", "S256"))
                .append(hidden("scope", Scope.format(request.scopes())))
                .append(hidden("resource", request.resource()))
                .append("<label for=\"api_key\">Your API key</label>")
                .append("<input type=\"password\" id=\"api_key\" name=\"api_key\" autocomplete=\"off\" ")
                .append("placeholder=\"cb_live_...\" spellcheck=\"false\" required>")
                .append("<p class=\"note\">Find it in Settings → API Keys. The key stays here;")
                .append(" the app gets its own access, which you can revoke by revoking the key.</p>")
                // Approve comes first so that Enter in the key field approves; the style shows it on the right
                .append("<div class=\"buttons\">")
                .append(
                        "<button type=\"submit\" name=\"decision\" value=\"approve\" class=\"approve\">Approve</button>")
                .append("<button type=\"submit\" name=\"decision\" value=\"deny\" formnovalidate>Deny</button>")
                .append("</div></form>");
        return page("Connect " + request.clientName(), body.toString());
    }

    /** A page for a request that cannot be answered on a redirect URI. */
    static String error(String message) {
        return page(
                "Cannot connect",
                "<h1>This connection request cannot be used</h1><p class=\"error\" role=\"alert\">" + escape(message)
                        + "</p><p class=\"note\">Go back to the app you came from and start again.</p>");
    }

    private static String page(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                + "<meta name=\"referrer\" content=\"no-referrer\"><title>" + escape(title) + "</title><style>"
                + STYLE + "</style></head><body><main>" + body + "</main></body></html>";
    }

    private static String hidden(String name, String value) {
        if (value == null) {
            return "";
        }
        return "<input type=\"hidden\" name=\"" + escape(name) + "\" value=\"" + escape(value) + "\">";
    }

    /**
     * Whether the answer goes to a loopback address, which any local program may listen on: the MCP
     * authorization spec asks for a warning then (security considerations, localhost redirect URIs).
     */
    private static boolean onThisComputer(String uri) {
        String host = URI.create(uri).getHost();
        return host != null && (host.equals("localhost") || host.equals("[::1]") || host.startsWith("127."));
    }

    static String host(String uri) {
        String authority = URI.create(uri).getRawAuthority();
        return authority == null ? uri : authority;
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
