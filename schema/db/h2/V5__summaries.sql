-- The summaries of db/postgresql/V5 on the embedded H2 database: views of the same names and
-- columns, computed from the invoices whenever they are read. They are always right, and their
-- cost grows with a workspace; the embedded database is for trying the server, PostgreSQL for a
-- real workload (docs/architecture.md, "Summaries").

CREATE VIEW invoice_totals AS
SELECT workspace_id, status, currency, COUNT(*) AS invoices, SUM(amount) AS amount
FROM invoices GROUP BY workspace_id, status, currency;

CREATE VIEW invoices_issued_daily AS
SELECT workspace_id, CAST(issued_at AT TIME ZONE 'UTC' AS DATE) AS day_utc, status, currency, COUNT(*) AS invoices,
       SUM(amount) AS amount
FROM invoices GROUP BY workspace_id, CAST(issued_at AT TIME ZONE 'UTC' AS DATE), status, currency;

CREATE VIEW invoices_paid_daily AS
SELECT workspace_id, CAST(paid_at AT TIME ZONE 'UTC' AS DATE) AS day_utc, currency, COUNT(*) AS invoices,
       SUM(amount) AS amount
FROM invoices WHERE paid_at IS NOT NULL
GROUP BY workspace_id, CAST(paid_at AT TIME ZONE 'UTC' AS DATE), currency;

CREATE VIEW invoices_due_daily AS
SELECT workspace_id, CAST(due_at AT TIME ZONE 'UTC' AS DATE) AS day_utc, currency, COUNT(*) AS invoices,
       SUM(amount) AS amount
FROM invoices WHERE status = 'Due'
GROUP BY workspace_id, CAST(due_at AT TIME ZONE 'UTC' AS DATE), currency;

CREATE VIEW workspace_row_counts AS
SELECT workspace_id, 'customers' AS table_name, COUNT(*) AS row_count FROM customers GROUP BY workspace_id
UNION ALL
SELECT workspace_id, 'service_items', COUNT(*) FROM service_items GROUP BY workspace_id
UNION ALL
SELECT workspace_id, 'workspace_members', COUNT(*) FROM workspace_members GROUP BY workspace_id;
