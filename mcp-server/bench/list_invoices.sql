-- The statement behind list_invoices (limit 20, one more to learn whether a next page exists).
SELECT i.workspace_id, i.id, i.number, i.customer_id, c.company_name AS customer_name, i.amount, i.currency,
       i.status, i.issued_at, i.due_at, i.paid_at, i.payment_method
FROM invoices i JOIN customers c ON c.workspace_id = i.workspace_id AND c.id = i.customer_id
WHERE i.workspace_id = :ws ORDER BY i.issued_at DESC, i.id DESC LIMIT 21;
