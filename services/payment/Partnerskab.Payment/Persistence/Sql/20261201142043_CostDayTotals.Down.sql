DROP TRIGGER invoice_lines_sum_per_day ON invoice_lines;
DROP FUNCTION add_to_documented_day_totals();
DROP TRIGGER ledger_items_sum_per_day ON ledger_items;
DROP FUNCTION add_to_ledger_day_totals();
