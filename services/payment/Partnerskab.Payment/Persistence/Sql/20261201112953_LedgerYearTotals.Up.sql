CREATE FUNCTION add_to_ledger_year_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO ledger_year_totals (partnership_id, year, amount_ore)
    SELECT partnership_id, extract(year FROM earned_on)::int, sum(amount_ore) FROM added GROUP BY 1, 2
    ON CONFLICT (partnership_id, year) DO UPDATE SET amount_ore = ledger_year_totals.amount_ore + excluded.amount_ore;
    RETURN NULL;
END $$;
CREATE TRIGGER ledger_items_add_to_year_totals AFTER INSERT ON ledger_items
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION add_to_ledger_year_totals();

CREATE FUNCTION refuse_change_of_ledger_item() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger items are never changed or deleted; a credit takes one back (% on %)', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER ledger_items_append_only BEFORE UPDATE OR DELETE ON ledger_items
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_ledger_item();
CREATE TRIGGER ledger_items_never_truncated BEFORE TRUNCATE ON ledger_items
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_ledger_item();

INSERT INTO ledger_year_totals (partnership_id, year, amount_ore)
SELECT partnership_id, extract(year FROM earned_on)::int, sum(amount_ore) FROM ledger_items GROUP BY 1, 2;
