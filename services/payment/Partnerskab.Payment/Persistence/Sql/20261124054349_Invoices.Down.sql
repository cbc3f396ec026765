DROP TRIGGER invoice_lines_never_change ON invoice_lines;
DROP TRIGGER invoices_never_change ON invoices;
DROP FUNCTION refuse_change_of_issued_document();
