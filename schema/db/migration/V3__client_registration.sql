-- Registration limits that the columns hold: up to ten redirect URIs of up to 2,000 characters each
-- (ClientRegistrationRequest.MAX_REDIRECT_URIS, RedirectUris.MAX_LENGTH), one per line. V2's 8,000
-- characters held four.
ALTER TABLE oauth_clients ALTER COLUMN redirect_uris SET DATA TYPE VARCHAR(20009);

-- native or web (OpenID Connect Dynamic Client Registration 1.0 §2), as the client gave it; NULL
-- when it gave none
ALTER TABLE oauth_clients ADD COLUMN application_type VARCHAR(16);

-- Client ID Metadata Documents: a client whose client_id is the https URL of its metadata document
-- has that URL as its id (ClientIdUrls.MAX_LENGTH), in grants too.
ALTER TABLE oauth_clients ALTER COLUMN id SET DATA TYPE VARCHAR(2000);
ALTER TABLE oauth_grants ALTER COLUMN client_id SET DATA TYPE VARCHAR(2000);
-- the host the client's document was fetched from, which the consent page shows; NULL for a
-- registered client
ALTER TABLE oauth_clients ADD COLUMN document_host VARCHAR(253);

-- What every instance knows about each metadata document it fetched: the shared cache. Until
-- expires_at, no instance fetches it again; a document refused (problem not NULL) is refused by all.
-- The accepted document's client is the oauth_clients row of the same id.
CREATE TABLE oauth_client_documents (
    url         VARCHAR(2000)            NOT NULL PRIMARY KEY,
    fetched_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    -- why the last fetch was refused, for the caller; NULL when the document was accepted
    problem     VARCHAR(500)
);
