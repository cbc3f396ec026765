CREATE OR REPLACE FUNCTION add_to_ledger_day_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO ledger_day_totals (partnership_id, earned_on, kind, credited_kind, amount_ore, items, causes)
    SELECT added.partnership_id, added.earned_on, added.kind, coalesce(credited.kind, added.kind), sum(added.amount_ore), count(*),
        count(*) FILTER (WHERE added.cause_key NOT LIKE 'priced:%' AND added.cause_key NOT LIKE 'credit:priced:%')
    FROM added LEFT JOIN ledger_items credited ON credited.id = added.credits_item_id
    GROUP BY 1, 2, 3, 4
    ON CONFLICT (partnership_id, earned_on, kind, credited_kind) DO UPDATE
        SET amount_ore = ledger_day_totals.amount_ore + excluded.amount_ore, items = ledger_day_totals.items + excluded.items,
            causes = ledger_day_totals.causes + excluded.causes;
    RETURN NULL;
END $$;

UPDATE ledger_day_totals total SET causes = counted.causes
FROM (
    SELECT item.partnership_id, item.earned_on, item.kind, coalesce(credited.kind, item.kind) AS credited_kind,
        count(*) FILTER (WHERE item.cause_key NOT LIKE 'priced:%' AND item.cause_key NOT LIKE 'credit:priced:%') AS causes
    FROM ledger_items item LEFT JOIN ledger_items credited ON credited.id = item.credits_item_id
    GROUP BY 1, 2, 3, 4
) counted
WHERE (total.partnership_id, total.earned_on, total.kind, total.credited_kind)
    = (counted.partnership_id, counted.earned_on, counted.kind, counted.credited_kind);
