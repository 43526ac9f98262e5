package com.classifiedbilling.auth.apikey;

import com.classifiedbilling.auth.principal.Scope;
import com.classifiedbilling.auth.user.Plan;
import java.util.Set;

/** The live key behind a hash and the user it belongs to: what authentication needs. */
record ApiKeyOwner(String keyId, String keyHash, String userId, String email, Plan plan, Set<Scope> scopes) {}
