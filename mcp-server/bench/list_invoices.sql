-- The statement behind list_invoices (limit 20, one more to learn whether a next page exists), as
-- R2dbcInvoiceRepository builds it: the customer's name by a subquery per invoice returned.
SELECT i.workspace_id, i.id, i.number, i.customer_id,
       (SELECT c.company_name FROM customers c WHERE c.workspace_id = i.workspace_id AND c.id = i.customer_id)
           AS customer_name,
       i.amount, i.currency, i.status, i.issued_at, i.due_at, i.paid_at, i.payment_method
FROM invoices i
WHERE i.workspace_id = :ws ORDER BY i.issued_at DESC, i.id DESC LIMIT 21;
