-- The benchmark's fixed dataset, added to the demo workspace :'ws': 200 customers and 20,000
-- invoices (a third paid, the rest due and past their due date), generated, the same every time.
INSERT INTO customers (workspace_id, id, company_name, company_email, currency, contact_first_name,
                       contact_last_name, contact_email, address, city, state, zip, country, created_at)
SELECT :'ws', 'bench_c' || lpad(g::text, 5, '0'), 'Bench Customer ' || lpad(g::text, 5, '0'),
       'c' || g || '@bench.example', CASE WHEN g % 5 = 0 THEN 'EUR' ELSE 'USD' END, 'Fay', 'Lee',
       'fay@bench.example', '1 Main St', 'Springfield', 'IL', '62701', 'United States',
       timestamptz '2024-01-01 00:00:00+00'
FROM generate_series(1, 200) AS g;

INSERT INTO invoices (workspace_id, id, number, customer_id, amount, currency, status, issued_at, due_at,
                      paid_at, payment_method, created_at)
SELECT :'ws', 'bench_i' || lpad(g::text, 6, '0'), 'B-' || lpad(g::text, 6, '0'),
       'bench_c' || lpad((g % 200 + 1)::text, 5, '0'), (g % 5000) + 0.99,
       CASE WHEN (g % 200 + 1) % 5 = 0 THEN 'EUR' ELSE 'USD' END,
       CASE WHEN g % 3 = 0 THEN 'Paid' ELSE 'Due' END,
       timestamptz '2024-01-01 00:00:00+00' + g * interval '30 minutes',
       timestamptz '2024-01-31 00:00:00+00' + g * interval '30 minutes',
       CASE WHEN g % 3 = 0 THEN timestamptz '2024-01-11 00:00:00+00' + g * interval '30 minutes' END,
       CASE WHEN g % 3 = 0 THEN 'Bank Transfer' END,
       timestamptz '2024-01-01 00:00:00+00' + g * interval '30 minutes'
FROM generate_series(1, 20000) AS g;
ANALYZE customers;
ANALYZE invoices;
