package com.classifiedbilling.scope;

import com.classifiedbilling.auth.principal.BillingPrincipal;
import com.classifiedbilling.auth.principal.CredentialKind;
import com.classifiedbilling.auth.principal.Scope;
import com.classifiedbilling.auth.web.BearerChallenge;
import com.classifiedbilling.auth.web.PrincipalAttribute;
import com.classifiedbilling.door.EarlyAnswers;
import com.classifiedbilling.door.FilterOrder;
import com.classifiedbilling.door.RecognisedRequest;
import com.classifiedbilling.tool.ToolRegistry;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a tool call whose credential lacks the tool's scope with HTTP 403 and {@code
 * WWW-Authenticate: Bearer error="insufficient_scope", scope="…", resource_metadata="…"}: the JSON
 * door's {@code {"tool"}} for any credential, and the MCP doors' {@code tools/call} for an access
 * token, whose client can then ask the user for the missing scope (step-up authorization). An API
 * key cannot step up, so on the MCP doors its call goes on and the registry's refusal becomes the
 * tool's {@code isError} result. Runs after authentication and before the rate limit, so a
 * refused call spends no token.
 */
@Component
@Order(FilterOrder.CHECK_SCOPE)
final class ToolScopeFilter implements WebFilter {

    private final ToolRegistry tools;

    private final BearerChallenge challenge;

    private final EarlyAnswers answers;

    ToolScopeFilter(ToolRegistry tools, BearerChallenge challenge, EarlyAnswers answers) {
        this.tools = tools;
        this.challenge = challenge;
        this.answers = answers;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        BillingPrincipal principal = PrincipalAttribute.of(exchange);
        RecognisedRequest recognised = RecognisedRequest.of(exchange);
        String tool = recognised.isToolCall() ? recognised.tool() : null;
        Optional<Scope> needed = tool == null ? Optional.empty() : tools.requiredScope(tool);
        if (principal == null || needed.isEmpty() || principal.has(needed.get())) {
            return chain.filter(exchange);
        }
        if (principal.kind() == CredentialKind.API_KEY && recognised.door().isMcp()) {
            // a key cannot step up: the call goes on to the registry, whose refusal is the tool's
            // isError result, read by the model rather than by an OAuth client
            return chain.filter(exchange);
        }
        challenge.insufficientScope(exchange, needed.get());
        return answers.refuse(
                exchange,
                HttpStatus.FORBIDDEN,
                ToolRegistry.missingScope(tool, needed.get(), principal).getMessage());
    }
}
