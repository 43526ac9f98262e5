-- OAuth 2.0 authorization server (mcp-auth): registered clients, grants, authorization codes,
-- refresh tokens and the keys that sign access tokens. Secrets (client secrets, codes, refresh
-- tokens) are stored as SHA-256, lower-case hex, never as sent. Access tokens are signed JWTs and
-- are not stored at all: they live as long as their grant does.

-- Clients registered by dynamic client registration (RFC 7591).
CREATE TABLE oauth_clients (
    id                 VARCHAR(40)              NOT NULL PRIMARY KEY,
    name               VARCHAR(200)             NOT NULL,
    -- the exact redirect URIs, one per line
    redirect_uris      VARCHAR(8000)            NOT NULL,
    -- none, client_secret_post or client_secret_basic
    auth_method        VARCHAR(32)              NOT NULL,
    -- SHA-256 of the client secret; NULL for a public client (auth_method none)
    secret_hash        CHAR(64),
    -- space-separated: authorization_code, refresh_token
    grant_types        VARCHAR(64)              NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    -- a registration that no user approves before this time is gone; NULL once a user approved it
    unused_expires_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT oauth_clients_auth_method CHECK (auth_method IN ('none', 'client_secret_post', 'client_secret_basic')),
    CONSTRAINT oauth_clients_secret CHECK ((auth_method = 'none') = (secret_hash IS NULL))
);

-- One user's approval of one client: every code, refresh token and access token hangs off a grant,
-- and revoking the grant (or the API key it was approved with) ends them all.
CREATE TABLE oauth_grants (
    id            VARCHAR(40)              NOT NULL PRIMARY KEY,
    user_id       VARCHAR(40)              NOT NULL REFERENCES users (id),
    api_key_id    VARCHAR(40)              NOT NULL REFERENCES api_keys (id),
    -- NULL for the API page's flow without a client_id (allow-listed redirect URIs only)
    client_id     VARCHAR(40)              REFERENCES oauth_clients (id) ON DELETE CASCADE,
    redirect_uri  VARCHAR(2000)            NOT NULL,
    scopes        VARCHAR(200)             NOT NULL,
    -- the audience of the grant's access tokens (RFC 8707)
    resource      VARCHAR(2000)            NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at    TIMESTAMP WITH TIME ZONE
);

CREATE INDEX oauth_grants_api_key ON oauth_grants (api_key_id);

-- Authorization codes: single use, short-lived, bound to the PKCE challenge.
CREATE TABLE oauth_codes (
    code_hash       CHAR(64)                 NOT NULL PRIMARY KEY,
    grant_id        VARCHAR(40)              NOT NULL REFERENCES oauth_grants (id) ON DELETE CASCADE,
    -- BASE64URL(SHA-256(code_verifier)); S256 is the only method taken
    code_challenge  VARCHAR(128)             NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at         TIMESTAMP WITH TIME ZONE
);

-- Refresh tokens: rotated on every use. A rotated token names the token that replaced it.
CREATE TABLE oauth_refresh_tokens (
    token_hash    CHAR(64)                 NOT NULL PRIMARY KEY,
    grant_id      VARCHAR(40)              NOT NULL REFERENCES oauth_grants (id) ON DELETE CASCADE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    rotated_at    TIMESTAMP WITH TIME ZONE,
    replaced_by   CHAR(64)
);

CREATE INDEX oauth_refresh_tokens_grant ON oauth_refresh_tokens (grant_id);

-- Keys that sign access tokens (ES256), shared by every instance and published as a JWKS. The key
-- with the highest generation whose active_from has passed signs; every key not retired verifies.
CREATE TABLE oauth_signing_keys (
    kid          VARCHAR(64)              NOT NULL PRIMARY KEY,
    generation   INTEGER                  NOT NULL,
    -- the key pair as a JSON Web Key
    jwk          VARCHAR(2000)            NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    active_from  TIMESTAMP WITH TIME ZONE NOT NULL,
    retired_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT oauth_signing_keys_generation UNIQUE (generation)
);
