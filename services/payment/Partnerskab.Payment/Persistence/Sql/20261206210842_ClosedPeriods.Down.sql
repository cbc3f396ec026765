-- Back to totals per day earned only, and no guard of closed periods.

DROP TRIGGER ledger_items_not_in_closed_periods ON ledger_items;
DROP FUNCTION refuse_booking_in_closed_period();

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

CREATE OR REPLACE FUNCTION add_to_documented_day_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO documented_day_totals (partnership_id, issue_date, earned_on, amount_ore)
    SELECT document.partnership_id, document.issue_date, item.earned_on, sum(item.amount_ore)
    FROM added JOIN invoices document ON document.id = added.invoice_id
    JOIN ledger_items item ON item.id = added.ledger_item_id AND item.partnership_id = document.partnership_id
    GROUP BY 1, 2, 3
    ON CONFLICT (partnership_id, issue_date, earned_on) DO UPDATE
        SET amount_ore = documented_day_totals.amount_ore + excluded.amount_ore;
    RETURN NULL;
END $$;

-- The rows of one day earned, booked on several days, become one again before the key loses booked_on.
CREATE TEMP TABLE merged_ledger_day_totals ON COMMIT DROP AS
    SELECT partnership_id, earned_on, kind, credited_kind, sum(amount_ore) AS amount_ore, sum(items)::int AS items, sum(causes)::int AS causes
    FROM ledger_day_totals GROUP BY 1, 2, 3, 4;
DELETE FROM ledger_day_totals;
INSERT INTO ledger_day_totals (partnership_id, earned_on, booked_on, kind, credited_kind, amount_ore, items, causes)
    SELECT partnership_id, earned_on, earned_on, kind, credited_kind, amount_ore, items, causes FROM merged_ledger_day_totals;
CREATE TEMP TABLE merged_documented_day_totals ON COMMIT DROP AS
    SELECT partnership_id, issue_date, earned_on, sum(amount_ore) AS amount_ore FROM documented_day_totals GROUP BY 1, 2, 3;
DELETE FROM documented_day_totals;
INSERT INTO documented_day_totals (partnership_id, issue_date, earned_on, booked_on, amount_ore)
    SELECT partnership_id, issue_date, earned_on, earned_on, amount_ore FROM merged_documented_day_totals;
