-- ClassifiedBilling: the billing data model.
-- Portable SQL: runs unchanged on PostgreSQL and on H2 (MODE=PostgreSQL, DATABASE_TO_LOWER=TRUE).
-- Every table of workspace data carries workspace_id and includes it in its keys, so that data can
-- later be partitioned or sharded by workspace without a rewrite.

-- ISO 4217 currencies that are in use. A foreign key to this table is what makes an unknown
-- currency code impossible to store; the application reads it once at start to validate input.
CREATE TABLE currencies (
    code           CHAR(3)  NOT NULL PRIMARY KEY,
    minor_units    SMALLINT NOT NULL,
    CONSTRAINT currencies_code_upper CHECK (code = UPPER(code)),
    CONSTRAINT currencies_minor_units_range CHECK (minor_units BETWEEN 0 AND 4)
);

INSERT INTO currencies (code, minor_units) VALUES
('AED', 2),
('AFN', 2),
('ALL', 2),
('AMD', 2),
('ANG', 2),
('AOA', 2),
('ARS', 2),
('AUD', 2),
('AWG', 2),
('AZN', 2),
('BAM', 2),
('BBD', 2),
('BDT', 2),
('BGN', 2),
('BHD', 3),
('BIF', 0),
('BMD', 2),
('BND', 2),
('BOB', 2),
('BOV', 2),
('BRL', 2),
('BSD', 2),
('BTN', 2),
('BWP', 2),
('BYN', 2),
('BZD', 2),
('CAD', 2),
('CDF', 2),
('CHE', 2),
('CHF', 2),
('CHW', 2),
('CLF', 4),
('CLP', 0),
('CNY', 2),
('COP', 2),
('COU', 2),
('CRC', 2),
('CUP', 2),
('CVE', 2),
('CZK', 2),
('DJF', 0),
('DKK', 2),
('DOP', 2),
('DZD', 2),
('EGP', 2),
('ERN', 2),
('ETB', 2),
('EUR', 2),
('FJD', 2),
('FKP', 2),
('GBP', 2),
('GEL', 2),
('GHS', 2),
('GIP', 2),
('GMD', 2),
('GNF', 0),
('GTQ', 2),
('GYD', 2),
('HKD', 2),
('HNL', 2),
('HTG', 2),
('HUF', 2),
('IDR', 2),
('ILS', 2),
('INR', 2),
('IQD', 3),
('IRR', 2),
('ISK', 0),
('JMD', 2),
('JOD', 3),
('JPY', 0),
('KES', 2),
('KGS', 2),
('KHR', 2),
('KMF', 0),
('KPW', 2),
('KRW', 0),
('KWD', 3),
('KYD', 2),
('KZT', 2),
('LAK', 2),
('LBP', 2),
('LKR', 2),
('LRD', 2),
('LSL', 2),
('LYD', 3),
('MAD', 2),
('MDL', 2),
('MGA', 2),
('MKD', 2),
('MMK', 2),
('MNT', 2),
('MOP', 2),
('MRU', 2),
('MUR', 2),
('MVR', 2),
('MWK', 2),
('MXN', 2),
('MXV', 2),
('MYR', 2),
('MZN', 2),
('NAD', 2),
('NGN', 2),
('NIO', 2),
('NOK', 2),
('NPR', 2),
('NZD', 2),
('OMR', 3),
('PAB', 2),
('PEN', 2),
('PGK', 2),
('PHP', 2),
('PKR', 2),
('PLN', 2),
('PYG', 0),
('QAR', 2),
('RON', 2),
('RSD', 2),
('RUB', 2),
('RWF', 0),
('SAR', 2),
('SBD', 2),
('SCR', 2),
('SDG', 2),
('SEK', 2),
('SGD', 2),
('SHP', 2),
('SLE', 2),
('SLL', 2),
('SOS', 2),
('SRD', 2),
('SSP', 2),
('STN', 2),
('SVC', 2),
('SYP', 2),
('SZL', 2),
('THB', 2),
('TJS', 2),
('TMT', 2),
('TND', 3),
('TOP', 2),
('TRY', 2),
('TTD', 2),
('TWD', 2),
('TZS', 2),
('UAH', 2),
('UGX', 0),
('USD', 2),
('USN', 2),
('UYI', 0),
('UYU', 2),
('UZS', 2),
('VED', 2),
('VES', 2),
('VND', 0),
('VUV', 0),
('WST', 2),
('XAF', 0),
('XCD', 2),
('XCG', 2),
('XOF', 0),
('XPF', 0),
('YER', 2),
('ZAR', 2),
('ZMW', 2),
('ZWG', 2),
('ZWL', 2);

CREATE TABLE users (
    id           VARCHAR(40)              NOT NULL PRIMARY KEY,
    -- stored lower-cased by the application, so that uniqueness is case-insensitive
    email        VARCHAR(320)             NOT NULL,
    name         VARCHAR(200)             NOT NULL,
    plan         VARCHAR(16)              NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT users_email_unique UNIQUE (email),
    CONSTRAINT users_email_lower CHECK (email = LOWER(email)),
    CONSTRAINT users_email_shape CHECK (email LIKE '_%@_%'),
    CONSTRAINT users_name_not_blank CHECK (CHAR_LENGTH(TRIM(name)) > 0),
    CONSTRAINT users_plan_known CHECK (plan IN ('Starter', 'Standard', 'Advance'))
);

CREATE TABLE workspaces (
    id               VARCHAR(40)              NOT NULL PRIMARY KEY,
    owner_id         VARCHAR(40)              NOT NULL REFERENCES users (id),
    title            VARCHAR(200)             NOT NULL,
    description      VARCHAR(2000),
    url_slug         VARCHAR(100)             NOT NULL,
    business_name    VARCHAR(200),
    business_email   VARCHAR(320),
    currency         CHAR(3)                  NOT NULL REFERENCES currencies (code),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT workspaces_url_slug_unique UNIQUE (url_slug),
    CONSTRAINT workspaces_url_slug_lower CHECK (url_slug = LOWER(url_slug)),
    CONSTRAINT workspaces_title_not_blank CHECK (CHAR_LENGTH(TRIM(title)) > 0)
);
CREATE INDEX workspaces_owner ON workspaces (owner_id);

-- The team: users other than the owner who may work in a workspace.
CREATE TABLE workspace_members (
    workspace_id   VARCHAR(40)              NOT NULL REFERENCES workspaces (id),
    user_id        VARCHAR(40)              NOT NULL REFERENCES users (id),
    added_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (workspace_id, user_id)
);
CREATE INDEX workspace_members_user ON workspace_members (user_id);

CREATE TABLE customers (
    workspace_id                  VARCHAR(40)              NOT NULL REFERENCES workspaces (id),
    id                            VARCHAR(40)              NOT NULL,
    company_name                  VARCHAR(200)             NOT NULL,
    company_email                 VARCHAR(320)             NOT NULL,
    currency                      CHAR(3)                  NOT NULL REFERENCES currencies (code),
    contact_first_name            VARCHAR(100)             NOT NULL,
    contact_last_name             VARCHAR(100)             NOT NULL,
    contact_email                 VARCHAR(320)             NOT NULL,
    address                       VARCHAR(500)             NOT NULL,
    city                          VARCHAR(100)             NOT NULL,
    state                         VARCHAR(100)             NOT NULL,
    zip                           VARCHAR(20)              NOT NULL,
    country                       VARCHAR(100)             NOT NULL,
    created_at                    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (workspace_id, id),
    CONSTRAINT customers_company_name_not_blank CHECK (CHAR_LENGTH(TRIM(company_name)) > 0)
);
-- list_customers: by name within a workspace
CREATE INDEX customers_by_name ON customers (workspace_id, company_name, id);

CREATE TABLE service_items (
    workspace_id   VARCHAR(40)              NOT NULL REFERENCES workspaces (id),
    id             VARCHAR(40)              NOT NULL,
    name           VARCHAR(200)             NOT NULL,
    description    VARCHAR(2000),
    unit_price     NUMERIC(19, 4)           NOT NULL,
    currency       CHAR(3)                  NOT NULL REFERENCES currencies (code),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (workspace_id, id),
    CONSTRAINT service_items_unit_price_not_negative CHECK (unit_price >= 0)
);

CREATE TABLE invoices (
    workspace_id     VARCHAR(40)              NOT NULL REFERENCES workspaces (id),
    id               VARCHAR(40)              NOT NULL,
    number           VARCHAR(40)              NOT NULL,
    customer_id      VARCHAR(40)              NOT NULL,
    amount           NUMERIC(19, 4)           NOT NULL,
    currency         CHAR(3)                  NOT NULL REFERENCES currencies (code),
    status           VARCHAR(8)               NOT NULL,
    issued_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    paid_at          TIMESTAMP WITH TIME ZONE,
    payment_method   VARCHAR(100),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (workspace_id, id),
    -- an invoice can only bill a customer of its own workspace
    FOREIGN KEY (workspace_id, customer_id) REFERENCES customers (workspace_id, id),
    CONSTRAINT invoices_number_unique UNIQUE (workspace_id, number),
    CONSTRAINT invoices_amount_not_negative CHECK (amount >= 0),
    CONSTRAINT invoices_status_known CHECK (status IN ('Due', 'Paid')),
    CONSTRAINT invoices_paid_at_iff_paid CHECK (
        (status = 'Paid' AND paid_at IS NOT NULL) OR (status = 'Due' AND paid_at IS NULL AND payment_method IS NULL)),
    CONSTRAINT invoices_due_not_before_issued CHECK (due_at >= issued_at)
);
-- list_invoices: newest issued first, optionally by status
CREATE INDEX invoices_by_issued ON invoices (workspace_id, issued_at, id);
CREATE INDEX invoices_by_status_issued ON invoices (workspace_id, status, issued_at, id);
-- get_overdue_invoices: Due, oldest due first
CREATE INDEX invoices_by_status_due ON invoices (workspace_id, status, due_at, id);

CREATE TABLE api_keys (
    id             VARCHAR(40)              NOT NULL PRIMARY KEY,
    user_id        VARCHAR(40)              NOT NULL REFERENCES users (id),
    name           VARCHAR(100)             NOT NULL,
    -- the first characters of the key, shown so that a person can tell keys apart
    display_prefix VARCHAR(16)              NOT NULL,
    -- SHA-256 of the whole key, lower-case hex; the key itself is never stored
    key_hash       CHAR(64)                 NOT NULL,
    -- what the key may do: read only, or read and write
    scopes         VARCHAR(100)             NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at   TIMESTAMP WITH TIME ZONE,
    revoked_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT api_keys_hash_unique UNIQUE (key_hash),
    CONSTRAINT api_keys_name_not_blank CHECK (CHAR_LENGTH(TRIM(name)) > 0),
    CONSTRAINT api_keys_scopes_known CHECK (scopes IN ('billing:read', 'billing:read billing:write'))
);
CREATE INDEX api_keys_user ON api_keys (user_id);

-- Every write a caller makes: who, with which credential and client, what, where, and how it ended.
CREATE TABLE audit_events (
    workspace_id    VARCHAR(40)              NOT NULL REFERENCES workspaces (id),
    id              VARCHAR(40)              NOT NULL,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_user_id   VARCHAR(40)              REFERENCES users (id),
    credential_id   VARCHAR(64),
    client_id       VARCHAR(200),
    action          VARCHAR(64)              NOT NULL,
    target_id       VARCHAR(40),
    outcome         VARCHAR(32)              NOT NULL,
    detail          VARCHAR(1000),
    PRIMARY KEY (workspace_id, id)
);
CREATE INDEX audit_events_by_time ON audit_events (workspace_id, occurred_at);

-- Answers already given to a write with an idempotency key, so that a retry gets the same answer.
CREATE TABLE idempotency_records (
    workspace_id     VARCHAR(40)              NOT NULL REFERENCES workspaces (id),
    user_id          VARCHAR(40)              NOT NULL REFERENCES users (id),
    action           VARCHAR(64)              NOT NULL,
    idempotency_key  VARCHAR(200)             NOT NULL,
    request_hash     CHAR(64)                 NOT NULL,
    response         TEXT                     NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (workspace_id, user_id, action, idempotency_key)
);
CREATE INDEX idempotency_records_expiry ON idempotency_records (expires_at);
