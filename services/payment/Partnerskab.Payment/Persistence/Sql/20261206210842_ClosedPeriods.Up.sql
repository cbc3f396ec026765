-- Closed periods and the day each ledger item is booked on.
--
-- Every item is booked on a day (booked_on), fixed when it is recorded: its own day, or the first
-- day of the first open period when a closed period covers its day. The items recorded before
-- there were closed periods are booked on the day they are about. The day totals sum per day
-- booked too, so the cost report shows a year both as booked and as corrected.
--
-- No item is booked on a day of a period closed now: the database refuses it, whoever asks. Each
-- insert takes its partnerships' advisory keys shared (the writers of the service hold them
-- already, in hash order, beside their own); closing a period takes the key alone, so a close
-- waits for the bookings under way, and a booking after it sees it closed and is refused (the
-- consumer's retry books it in the first open period).

ALTER TABLE ledger_items DISABLE TRIGGER ledger_items_append_only;
UPDATE ledger_items SET booked_on = earned_on;
ALTER TABLE ledger_items ENABLE TRIGGER ledger_items_append_only;
UPDATE ledger_day_totals SET booked_on = earned_on;
UPDATE documented_day_totals SET booked_on = earned_on;

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

CREATE FUNCTION refuse_booking_in_closed_period() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    refused record;
BEGIN
    PERFORM pg_advisory_xact_lock_shared(h) FROM (SELECT DISTINCT hashtext(partnership_id::text) AS h FROM added ORDER BY 1) AS locks;
    SELECT added.cause_key, added.booked_on, closed.start, closed."end" INTO refused
    FROM added JOIN closed_periods closed ON closed.partnership_id = added.partnership_id AND closed.reopened_at IS NULL
        AND added.booked_on BETWEEN closed.start AND closed."end"
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'ledger item % is booked on %, in the closed period % to %', refused.cause_key, refused.booked_on, refused.start, refused."end"
            USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER ledger_items_not_in_closed_periods AFTER INSERT ON ledger_items
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION refuse_booking_in_closed_period();
