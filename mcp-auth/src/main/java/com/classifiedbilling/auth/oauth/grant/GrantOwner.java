package com.classifiedbilling.auth.oauth.grant;

import com.classifiedbilling.auth.principal.Scope;
import com.classifiedbilling.auth.user.Plan;
import java.util.Set;

/**
 * Who stands behind a live grant: what an access token of that grant acts as.
 *
 * @param grantId the grant
 * @param userId the user who approved it
 * @param email the user's email
 * @param plan the user's plan now (it sets the rate limits)
 * @param scopes what the grant allows
 */
public record GrantOwner(String grantId, String userId, String email, Plan plan, Set<Scope> scopes) {

    public GrantOwner {
        scopes = Set.copyOf(scopes);
    }
}
