/**
 * Bearer authentication for WebFlux: reading {@code Authorization: Bearer …}, resolving it to a
 * {@link com.classifiedbilling.auth.principal.BillingPrincipal}, and the JSON answers for a caller
 * that is not let in.
 */
package com.classifiedbilling.auth.web;
