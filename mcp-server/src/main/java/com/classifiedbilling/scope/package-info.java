/**
 * Scope checks at the HTTP level: a credential that lacks the scope of the tool it calls is refused
 * with 403 and a {@code WWW-Authenticate} challenge before any door handles the call.
 */
package com.classifiedbilling.scope;
