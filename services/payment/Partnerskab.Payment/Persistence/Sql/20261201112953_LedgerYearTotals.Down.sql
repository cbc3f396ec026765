DROP TRIGGER ledger_items_never_truncated ON ledger_items;
DROP TRIGGER ledger_items_append_only ON ledger_items;
DROP FUNCTION refuse_change_of_ledger_item();
DROP TRIGGER ledger_items_add_to_year_totals ON ledger_items;
DROP FUNCTION add_to_ledger_year_totals();
