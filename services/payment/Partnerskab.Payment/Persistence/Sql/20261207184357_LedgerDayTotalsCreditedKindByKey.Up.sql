-- The day totals take a credit's credited kind from the item it takes back, by that item's key
-- (one probe of the primary key per credit, none for the other items), instead of joining the
-- statement's new items to the ledger: joined, the trigger's statement took 64 ms of each batch of
-- 1,000 handover fees into a ledger of up to 120,000 items (pg_stat_statements), against 1.2 ms for
-- the year totals' trigger on the same rows.
CREATE OR REPLACE FUNCTION add_to_ledger_day_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO ledger_day_totals (partnership_id, earned_on, booked_on, kind, credited_kind, payer_id, amount_ore, items, causes)
    SELECT added.partnership_id, added.earned_on, added.booked_on, added.kind, added.credited_kind, added.payer_id,
        sum(added.amount_ore), count(*),
        count(*) FILTER (WHERE added.lead AND added.cause_key NOT LIKE 'priced:%' AND added.cause_key NOT LIKE 'credit:priced:%')
    FROM (SELECT a.*, CASE WHEN a.credits_item_id IS NULL THEN a.kind
                           ELSE coalesce((SELECT credited.kind FROM ledger_items credited WHERE credited.id = a.credits_item_id), a.kind) END AS credited_kind
          FROM added a) AS added
    GROUP BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (partnership_id, earned_on, booked_on, kind, credited_kind, payer_id) DO UPDATE
        SET amount_ore = ledger_day_totals.amount_ore + excluded.amount_ore, items = ledger_day_totals.items + excluded.items,
            causes = ledger_day_totals.causes + excluded.causes;
    RETURN NULL;
END $$;
