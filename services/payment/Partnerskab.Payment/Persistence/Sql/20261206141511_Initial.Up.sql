-- What the payment database enforces and keeps beyond the tables EF Core creates.
--
-- Issued invoices and credit notes never change, and ledger items are never changed or deleted
-- (a credit takes one back): the database refuses it, whoever asks.
--
-- The totals that make the cost report cheap follow every insert into the ledger and into the
-- documents' lines, once per statement (an EF save or a COPY). Nothing else can make a total wrong,
-- because what they sum never changes. Triggers on one event fire in name order: the day totals
-- (ledger_items_sum_per_day) come after the year totals (ledger_items_add_to_year_totals), so
-- whoever holds a day's row holds its year's row already, and the day rows add no lock waits (nor
-- deadlocks) of their own. The day totals count, beside every item, the items that book a cause of
-- their own: the price booked later for an item earned unpriced ("priced:...") and its credit are
-- the same handover or milestone again.

CREATE FUNCTION refuse_change_of_issued_document() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'issued invoices and credit notes never change (% on %)', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER invoices_never_change BEFORE UPDATE OR DELETE ON invoices
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_issued_document();
CREATE TRIGGER invoice_lines_never_change BEFORE UPDATE OR DELETE ON invoice_lines
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_issued_document();

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

CREATE FUNCTION add_to_ledger_day_totals() RETURNS trigger LANGUAGE plpgsql AS $$
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
CREATE TRIGGER ledger_items_sum_per_day AFTER INSERT ON ledger_items
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION add_to_ledger_day_totals();

CREATE FUNCTION add_to_documented_day_totals() RETURNS trigger LANGUAGE plpgsql AS $$
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
CREATE TRIGGER invoice_lines_sum_per_day AFTER INSERT ON invoice_lines
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION add_to_documented_day_totals();
