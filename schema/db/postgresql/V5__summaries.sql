-- Summaries that PostgreSQL keeps as invoices change, so that get_workspace_summary,
-- get_revenue_summary and get_overdue_invoices read a few rows whatever a workspace's size
-- (docs/architecture.md, "Summaries"). Triggers keep them, in the writing transaction, whoever
-- writes: this server, the admin CLI, the demo seeding, or the billing application that owns the
-- data. The embedded H2 database has views of the same names and columns instead (db/h2).
--
-- Each trigger is per statement and reads the statement's transition tables, so a bulk insert
-- costs one upsert per summary row it touches, not one per invoice. The upserts add deltas and take
-- their rows in key order, table by table in the same order, so concurrent writers wait for each
-- other on a summary row but never deadlock on them. A row whose count falls to zero stays (zero);
-- readers skip it.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS btree_gin;

-- No write may slip between the counting below and the triggers that keep the counts from then on.
LOCK TABLE invoices, customers, service_items, workspace_members IN SHARE ROW EXCLUSIVE MODE;

-- All of a workspace's invoices, by status and currency.
CREATE TABLE invoice_totals (
    workspace_id   VARCHAR(40)    NOT NULL REFERENCES workspaces (id),
    status         VARCHAR(8)     NOT NULL,
    currency       CHAR(3)        NOT NULL,
    invoices       BIGINT         NOT NULL,
    amount         NUMERIC(38, 4) NOT NULL,
    PRIMARY KEY (workspace_id, status, currency)
);

-- Invoices by the UTC day they were issued, and their status now (a period's issued invoices).
CREATE TABLE invoices_issued_daily (
    workspace_id   VARCHAR(40)    NOT NULL REFERENCES workspaces (id),
    day_utc        DATE           NOT NULL,
    status         VARCHAR(8)     NOT NULL,
    currency       CHAR(3)        NOT NULL,
    invoices       BIGINT         NOT NULL,
    amount         NUMERIC(38, 4) NOT NULL,
    PRIMARY KEY (workspace_id, day_utc, status, currency)
);

-- Paid invoices by the UTC day they were paid (a period's collected money).
CREATE TABLE invoices_paid_daily (
    workspace_id   VARCHAR(40)    NOT NULL REFERENCES workspaces (id),
    day_utc        DATE           NOT NULL,
    currency       CHAR(3)        NOT NULL,
    invoices       BIGINT         NOT NULL,
    amount         NUMERIC(38, 4) NOT NULL,
    PRIMARY KEY (workspace_id, day_utc, currency)
);

-- Due invoices by the UTC day they fall due: overdue is every due invoice less those falling due
-- from now on, so the clock moving makes nothing stale.
CREATE TABLE invoices_due_daily (
    workspace_id   VARCHAR(40)    NOT NULL REFERENCES workspaces (id),
    day_utc        DATE           NOT NULL,
    currency       CHAR(3)        NOT NULL,
    invoices       BIGINT         NOT NULL,
    amount         NUMERIC(38, 4) NOT NULL,
    PRIMARY KEY (workspace_id, day_utc, currency)
);

-- How many customers, service items and team members (besides the owner) a workspace has.
CREATE TABLE workspace_row_counts (
    workspace_id   VARCHAR(40)    NOT NULL REFERENCES workspaces (id),
    table_name     VARCHAR(32)    NOT NULL,
    row_count      BIGINT         NOT NULL,
    PRIMARY KEY (workspace_id, table_name)
);

-- One invoice's part in the summaries: +1 for a row that is there now, -1 for one that was.
CREATE TYPE invoice_delta AS (
    workspace_id   VARCHAR(40),
    status         VARCHAR(8),
    currency       CHAR(3),
    issued_at      TIMESTAMP WITH TIME ZONE,
    due_at         TIMESTAMP WITH TIME ZONE,
    paid_at        TIMESTAMP WITH TIME ZONE,
    amount         NUMERIC(19, 4),
    sign           INTEGER
);

CREATE FUNCTION invoice_summaries_add(deltas invoice_delta[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO invoice_totals AS t (workspace_id, status, currency, invoices, amount)
    SELECT d.workspace_id, d.status, d.currency, SUM(d.sign), SUM(d.sign * d.amount)
    FROM unnest(deltas) d
    GROUP BY 1, 2, 3 HAVING SUM(d.sign) <> 0 OR SUM(d.sign * d.amount) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (workspace_id, status, currency) DO UPDATE
    SET invoices = t.invoices + EXCLUDED.invoices, amount = t.amount + EXCLUDED.amount;

    INSERT INTO invoices_issued_daily AS t (workspace_id, day_utc, status, currency, invoices, amount)
    SELECT d.workspace_id, (d.issued_at AT TIME ZONE 'UTC')::date, d.status, d.currency, SUM(d.sign),
           SUM(d.sign * d.amount)
    FROM unnest(deltas) d
    GROUP BY 1, 2, 3, 4 HAVING SUM(d.sign) <> 0 OR SUM(d.sign * d.amount) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT (workspace_id, day_utc, status, currency) DO UPDATE
    SET invoices = t.invoices + EXCLUDED.invoices, amount = t.amount + EXCLUDED.amount;

    INSERT INTO invoices_paid_daily AS t (workspace_id, day_utc, currency, invoices, amount)
    SELECT d.workspace_id, (d.paid_at AT TIME ZONE 'UTC')::date, d.currency, SUM(d.sign), SUM(d.sign * d.amount)
    FROM unnest(deltas) d
    WHERE d.paid_at IS NOT NULL
    GROUP BY 1, 2, 3 HAVING SUM(d.sign) <> 0 OR SUM(d.sign * d.amount) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (workspace_id, day_utc, currency) DO UPDATE
    SET invoices = t.invoices + EXCLUDED.invoices, amount = t.amount + EXCLUDED.amount;

    INSERT INTO invoices_due_daily AS t (workspace_id, day_utc, currency, invoices, amount)
    SELECT d.workspace_id, (d.due_at AT TIME ZONE 'UTC')::date, d.currency, SUM(d.sign), SUM(d.sign * d.amount)
    FROM unnest(deltas) d
    WHERE d.status = 'Due'
    GROUP BY 1, 2, 3 HAVING SUM(d.sign) <> 0 OR SUM(d.sign * d.amount) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (workspace_id, day_utc, currency) DO UPDATE
    SET invoices = t.invoices + EXCLUDED.invoices, amount = t.amount + EXCLUDED.amount;
END
$$;

CREATE FUNCTION invoices_summarized() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- PL/pgSQL plans a statement when it first runs it, so each branch names only the transition
    -- tables its event has
    IF TG_OP = 'INSERT' THEN
        PERFORM invoice_summaries_add(ARRAY(
            SELECT ROW(n.workspace_id, n.status, n.currency, n.issued_at, n.due_at, n.paid_at, n.amount, 1)::invoice_delta
            FROM new_rows n));
    ELSIF TG_OP = 'UPDATE' THEN
        PERFORM invoice_summaries_add(ARRAY(
            SELECT ROW(o.workspace_id, o.status, o.currency, o.issued_at, o.due_at, o.paid_at, o.amount, -1)::invoice_delta
            FROM old_rows o
            UNION ALL
            SELECT ROW(n.workspace_id, n.status, n.currency, n.issued_at, n.due_at, n.paid_at, n.amount, 1)::invoice_delta
            FROM new_rows n));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM invoice_summaries_add(ARRAY(
            SELECT ROW(o.workspace_id, o.status, o.currency, o.issued_at, o.due_at, o.paid_at, o.amount, -1)::invoice_delta
            FROM old_rows o));
    ELSE
        -- TRUNCATE: no invoice is left
        DELETE FROM invoice_totals;
        DELETE FROM invoices_issued_daily;
        DELETE FROM invoices_paid_daily;
        DELETE FROM invoices_due_daily;
    END IF;
    RETURN NULL;
END
$$;

-- PostgreSQL allows transition tables only on a trigger with one event: one trigger per event.
CREATE TRIGGER invoices_summarized_insert AFTER INSERT ON invoices
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION invoices_summarized();
CREATE TRIGGER invoices_summarized_update AFTER UPDATE ON invoices
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION invoices_summarized();
CREATE TRIGGER invoices_summarized_delete AFTER DELETE ON invoices
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION invoices_summarized();
CREATE TRIGGER invoices_summarized_truncate AFTER TRUNCATE ON invoices
    FOR EACH STATEMENT EXECUTE FUNCTION invoices_summarized();

-- Counts rows of the table the trigger is on (TG_TABLE_NAME) per workspace.
CREATE FUNCTION workspace_rows_counted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    workspaces VARCHAR(40)[];
    deltas BIGINT[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(workspace_id ORDER BY workspace_id), array_agg(n ORDER BY workspace_id) INTO workspaces, deltas
        FROM (SELECT workspace_id, COUNT(*) AS n FROM new_rows GROUP BY 1) c;
    ELSIF TG_OP = 'UPDATE' THEN
        SELECT array_agg(workspace_id ORDER BY workspace_id), array_agg(n ORDER BY workspace_id) INTO workspaces, deltas
        FROM (SELECT workspace_id, SUM(sign) AS n
              FROM (SELECT workspace_id, -1 AS sign FROM old_rows UNION ALL SELECT workspace_id, 1 FROM new_rows) r
              GROUP BY 1 HAVING SUM(sign) <> 0) c;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(workspace_id ORDER BY workspace_id), array_agg(-n ORDER BY workspace_id) INTO workspaces, deltas
        FROM (SELECT workspace_id, COUNT(*) AS n FROM old_rows GROUP BY 1) c;
    ELSE
        DELETE FROM workspace_row_counts WHERE table_name = TG_TABLE_NAME;
        RETURN NULL;
    END IF;
    INSERT INTO workspace_row_counts AS t (workspace_id, table_name, row_count)
    SELECT w, TG_TABLE_NAME, n FROM unnest(workspaces, deltas) AS c (w, n) ORDER BY w
    ON CONFLICT (workspace_id, table_name) DO UPDATE SET row_count = t.row_count + EXCLUDED.row_count;
    RETURN NULL;
END
$$;

DO $$
DECLARE
    counted TEXT;
BEGIN
    FOREACH counted IN ARRAY ARRAY['customers', 'service_items', 'workspace_members'] LOOP
        EXECUTE format('CREATE TRIGGER %1$s_counted_insert AFTER INSERT ON %1$I REFERENCING NEW TABLE AS new_rows '
            'FOR EACH STATEMENT EXECUTE FUNCTION workspace_rows_counted()', counted);
        EXECUTE format('CREATE TRIGGER %1$s_counted_update AFTER UPDATE ON %1$I REFERENCING OLD TABLE AS old_rows '
            'NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION workspace_rows_counted()', counted);
        EXECUTE format('CREATE TRIGGER %1$s_counted_delete AFTER DELETE ON %1$I REFERENCING OLD TABLE AS old_rows '
            'FOR EACH STATEMENT EXECUTE FUNCTION workspace_rows_counted()', counted);
        EXECUTE format('CREATE TRIGGER %1$s_counted_truncate AFTER TRUNCATE ON %1$I '
            'FOR EACH STATEMENT EXECUTE FUNCTION workspace_rows_counted()', counted);
    END LOOP;
END
$$;

-- What is there already, counted once (the triggers keep it from here on).
INSERT INTO invoice_totals (workspace_id, status, currency, invoices, amount)
SELECT workspace_id, status, currency, COUNT(*), SUM(amount) FROM invoices GROUP BY 1, 2, 3;
INSERT INTO invoices_issued_daily (workspace_id, day_utc, status, currency, invoices, amount)
SELECT workspace_id, (issued_at AT TIME ZONE 'UTC')::date, status, currency, COUNT(*), SUM(amount)
FROM invoices GROUP BY 1, 2, 3, 4;
INSERT INTO invoices_paid_daily (workspace_id, day_utc, currency, invoices, amount)
SELECT workspace_id, (paid_at AT TIME ZONE 'UTC')::date, currency, COUNT(*), SUM(amount)
FROM invoices WHERE paid_at IS NOT NULL GROUP BY 1, 2, 3;
INSERT INTO invoices_due_daily (workspace_id, day_utc, currency, invoices, amount)
SELECT workspace_id, (due_at AT TIME ZONE 'UTC')::date, currency, COUNT(*), SUM(amount)
FROM invoices WHERE status = 'Due' GROUP BY 1, 2, 3;
INSERT INTO workspace_row_counts (workspace_id, table_name, row_count)
SELECT workspace_id, 'customers', COUNT(*) FROM customers GROUP BY 1
UNION ALL SELECT workspace_id, 'service_items', COUNT(*) FROM service_items GROUP BY 1
UNION ALL SELECT workspace_id, 'workspace_members', COUNT(*) FROM workspace_members GROUP BY 1;

-- list_customers' search: the words it looks in, lower-cased, as one text that a trigram index
-- serves for any substring of three characters or more, within one workspace (btree_gin)
CREATE INDEX customers_search ON customers USING gin (workspace_id, LOWER(company_name || ' ' || company_email
    || ' ' || contact_first_name || ' ' || contact_last_name || ' ' || contact_email) gin_trgm_ops);
-- list_customers' country, ignoring case, by name
CREATE INDEX customers_by_country ON customers (workspace_id, LOWER(country), company_name, id);
