CREATE OR REPLACE FUNCTION add_to_ledger_day_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO ledger_day_totals (partnership_id, earned_on, booked_on, kind, credited_kind, payer_id, amount_ore, items, causes)
    SELECT added.partnership_id, added.earned_on, added.booked_on, added.kind, coalesce(credited.kind, added.kind), added.payer_id,
        sum(added.amount_ore), count(*),
        count(*) FILTER (WHERE added.lead AND added.cause_key NOT LIKE 'priced:%' AND added.cause_key NOT LIKE 'credit:priced:%')
    FROM added LEFT JOIN ledger_items credited ON credited.id = added.credits_item_id
    GROUP BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (partnership_id, earned_on, booked_on, kind, credited_kind, payer_id) DO UPDATE
        SET amount_ore = ledger_day_totals.amount_ore + excluded.amount_ore, items = ledger_day_totals.items + excluded.items,
            causes = ledger_day_totals.causes + excluded.causes;
    RETURN NULL;
END $$;
