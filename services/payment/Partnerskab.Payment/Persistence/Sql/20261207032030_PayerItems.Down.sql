-- The totals' functions as the closed periods' migration left them (before payers).

CREATE OR REPLACE FUNCTION add_to_ledger_day_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO ledger_day_totals (partnership_id, earned_on, booked_on, kind, credited_kind, amount_ore, items, causes)
    SELECT added.partnership_id, added.earned_on, added.booked_on, added.kind, coalesce(credited.kind, added.kind), sum(added.amount_ore), count(*),
        count(*) FILTER (WHERE added.cause_key NOT LIKE 'priced:%' AND added.cause_key NOT LIKE 'credit:priced:%')
    FROM added LEFT JOIN ledger_items credited ON credited.id = added.credits_item_id
    GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (partnership_id, earned_on, booked_on, kind, credited_kind) DO UPDATE
        SET amount_ore = ledger_day_totals.amount_ore + excluded.amount_ore, items = ledger_day_totals.items + excluded.items,
            causes = ledger_day_totals.causes + excluded.causes;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION add_to_documented_day_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO documented_day_totals (partnership_id, issue_date, earned_on, booked_on, amount_ore)
    SELECT document.partnership_id, document.issue_date, item.earned_on, item.booked_on, sum(item.amount_ore)
    FROM added JOIN invoices document ON document.id = added.invoice_id
    JOIN ledger_items item ON item.id = added.ledger_item_id AND item.partnership_id = document.partnership_id
    GROUP BY 1, 2, 3, 4
    ON CONFLICT (partnership_id, issue_date, earned_on, booked_on) DO UPDATE
        SET amount_ore = documented_day_totals.amount_ore + excluded.amount_ore;
    RETURN NULL;
END $$;
