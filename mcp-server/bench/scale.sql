-- One generated workspace of the scale benchmark (scale.sh), owned by :'owner': :n invoices and one
-- customer per 100 of them, the same shape at every size and the same rows every time.
--   invoices are issued evenly over 2024-01-01 .. 2026-12-31 (three years of daily invoicing),
--   fall due 30 days later and are two thirds paid, 10 days after issue, a third in EUR;
--   customer 7 of each workspace is "Acme Corp" (the API page's search), the others have
--   distinct names, and a tenth of them are in Germany.
INSERT INTO workspaces (id, owner_id, title, url_slug, currency, created_at)
VALUES (:'ws', :'owner', 'Scale ' || :'ws', replace(:'ws', '_', '-'), 'USD', timestamptz '2024-01-01 00:00:00+00');

INSERT INTO customers (workspace_id, id, company_name, company_email, currency, contact_first_name,
                       contact_last_name, contact_email, address, city, state, zip, country, created_at)
SELECT :'ws', 'c' || lpad(c::text, 7, '0'),
       CASE WHEN c = 7 THEN 'Acme Corp' ELSE 'Company ' || lpad(c::text, 7, '0') || ' Ltd' END,
       CASE WHEN c = 7 THEN 'billing@acme.com' ELSE 'billing' || c || '@company.example' END,
       CASE WHEN c % 3 = 0 THEN 'EUR' ELSE 'USD' END,
       (ARRAY['Ann', 'Bo', 'Cy', 'Di', 'Ed', 'Flo', 'Gus', 'Hal'])[c % 8 + 1],
       'Contact' || c, 'contact' || c || '@company.example', c || ' Main Street', 'Springfield', 'IL', '62701',
       CASE WHEN c % 10 = 0 THEN 'Germany' ELSE 'United States' END,
       timestamptz '2024-01-01 00:00:00+00'
FROM generate_series(1, greatest(:n / 100, 1)) AS c;

-- in batches of 100,000 rows, as a billing application's import would write them; each batch is one
-- statement, and the summary triggers fire once for it
SELECT format($sql$
    INSERT INTO invoices (workspace_id, id, number, customer_id, amount, currency, status, issued_at, due_at,
                          paid_at, payment_method, created_at)
    SELECT %1$L, 'i' || lpad(g::text, 8, '0'), 'INV-' || lpad(g::text, 8, '0'),
           'c' || lpad((g %% greatest(%2$s / 100, 1) + 1)::text, 7, '0'), (g * 37 %% 5000) + 0.99,
           CASE WHEN (g %% greatest(%2$s / 100, 1) + 1) %% 3 = 0 THEN 'EUR' ELSE 'USD' END,
           CASE WHEN g %% 3 = 0 THEN 'Due' ELSE 'Paid' END,
           timestamptz '2024-01-01 00:00:00+00' + (g - 1) * (interval '1096 days' / %2$s),
           timestamptz '2024-01-31 00:00:00+00' + (g - 1) * (interval '1096 days' / %2$s),
           CASE WHEN g %% 3 <> 0 THEN timestamptz '2024-01-11 00:00:00+00' + (g - 1) * (interval '1096 days' / %2$s) END,
           CASE WHEN g %% 3 <> 0 THEN 'Bank Transfer' END,
           timestamptz '2024-01-01 00:00:00+00' + (g - 1) * (interval '1096 days' / %2$s)
    FROM generate_series(%3$s, least(%3$s + 99999, %2$s)) AS g$sql$, :'ws', :n, b)
FROM generate_series(1, :n, 100000) AS b
\gexec
