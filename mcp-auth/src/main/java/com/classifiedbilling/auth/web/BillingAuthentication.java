package com.classifiedbilling.auth.web;

import com.classifiedbilling.auth.principal.BillingPrincipal;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A checked credential: Spring Security's view of a {@link BillingPrincipal}. */
public final class BillingAuthentication extends AbstractAuthenticationToken {

    private final BillingPrincipal principal;

    public BillingAuthentication(BillingPrincipal principal) {
        super(principal.scopes().stream()
                .map(scope -> new SimpleGrantedAuthority("SCOPE_" + scope.value()))
                .toList());
        this.principal = principal;
        setAuthenticated(true);
    }

    @Override
    public BillingPrincipal getPrincipal() {
        return principal;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return principal.userId();
    }
}
