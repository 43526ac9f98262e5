/**
 * The few pages a person opens in a browser: the privacy policy and support page that the MCP
 * directory and the OAuth metadata link to, and the server's icons.
 */
package com.classifiedbilling.site;
