/**
 * Who is calling: user accounts, API keys, OAuth 2.0 and the principal every door hands to the
 * tools. Nothing here knows about billing data or tools.
 */
package com.classifiedbilling.auth;
