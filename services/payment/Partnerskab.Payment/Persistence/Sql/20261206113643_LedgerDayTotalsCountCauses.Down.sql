CREATE OR REPLACE FUNCTION add_to_ledger_day_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO ledger_day_totals (partnership_id, earned_on, kind, credited_kind, amount_ore, items)
    SELECT added.partnership_id, added.earned_on, added.kind, coalesce(credited.kind, added.kind), sum(added.amount_ore), count(*)
    FROM added LEFT JOIN ledger_items credited ON credited.id = added.credits_item_id
    GROUP BY 1, 2, 3, 4
    ON CONFLICT (partnership_id, earned_on, kind, credited_kind) DO UPDATE
        SET amount_ore = ledger_day_totals.amount_ore + excluded.amount_ore, items = ledger_day_totals.items + excluded.items;
    RETURN NULL;
END $$;
