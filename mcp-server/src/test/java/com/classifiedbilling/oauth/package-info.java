/** The OAuth 2.0 flows end to end: discovery, registration, consent, tokens, revocation, scopes. */
package com.classifiedbilling.oauth;
