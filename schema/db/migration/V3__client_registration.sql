-- Registration limits that the columns hold: up to ten redirect URIs of up to 2,000 characters each
-- (ClientRegistrationRequest.MAX_REDIRECT_URIS, RedirectUris.MAX_LENGTH), one per line. V2's 8,000
-- characters held four.
ALTER TABLE oauth_clients ALTER COLUMN redirect_uris SET DATA TYPE VARCHAR(20009);
