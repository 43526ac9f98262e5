-- Indexes for list_invoices' filters (docs/tools.md), portable. Each keeps a workspace's invoices
-- together and serves its filter in the order the tool answers (newest issued first) or as a range.

-- customer_id: one customer's invoices, newest issued first
CREATE INDEX invoices_by_customer_issued ON invoices (workspace_id, customer_id, issued_at, id);
-- paid_from / paid_before, and the edges of a period's payments (get_revenue_summary)
CREATE INDEX invoices_by_paid ON invoices (workspace_id, paid_at, id);
-- due_from / due_before whatever the status (invoices_by_status_due serves a status with them)
CREATE INDEX invoices_by_due ON invoices (workspace_id, due_at, id);
