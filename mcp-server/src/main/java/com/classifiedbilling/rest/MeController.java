package com.classifiedbilling.rest;

import com.classifiedbilling.auth.principal.BillingPrincipal;
import com.classifiedbilling.auth.principal.CredentialKind;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/me}: who the credential belongs to. A quick way to check a key works. */
@RestController
class MeController {

    @GetMapping("/api/me")
    Map<String, Object> me(@AuthenticationPrincipal BillingPrincipal principal) {
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("id", principal.userId());
        me.put("email", principal.email());
        me.put("plan", principal.plan().label());
        me.put("credential", principal.kind() == CredentialKind.API_KEY ? "api_key" : "oauth_token");
        return Map.of("result", me);
    }
}
