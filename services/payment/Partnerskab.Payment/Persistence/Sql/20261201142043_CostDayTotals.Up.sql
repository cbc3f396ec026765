CREATE FUNCTION add_to_ledger_day_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO ledger_day_totals (partnership_id, earned_on, kind, credited_kind, amount_ore, items)
    SELECT added.partnership_id, added.earned_on, added.kind, coalesce(credited.kind, added.kind), sum(added.amount_ore), count(*)
    FROM added LEFT JOIN ledger_items credited ON credited.id = added.credits_item_id
    GROUP BY 1, 2, 3, 4
    ON CONFLICT (partnership_id, earned_on, kind, credited_kind) DO UPDATE
        SET amount_ore = ledger_day_totals.amount_ore + excluded.amount_ore, items = ledger_day_totals.items + excluded.items;
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

INSERT INTO ledger_day_totals (partnership_id, earned_on, kind, credited_kind, amount_ore, items)
SELECT item.partnership_id, item.earned_on, item.kind, coalesce(credited.kind, item.kind), sum(item.amount_ore), count(*)
FROM ledger_items item LEFT JOIN ledger_items credited ON credited.id = item.credits_item_id
GROUP BY 1, 2, 3, 4;
INSERT INTO documented_day_totals (partnership_id, issue_date, earned_on, amount_ore)
SELECT document.partnership_id, document.issue_date, item.earned_on, sum(item.amount_ore)
FROM invoice_lines line JOIN invoices document ON document.id = line.invoice_id
JOIN ledger_items item ON item.id = line.ledger_item_id AND item.partnership_id = document.partnership_id
GROUP BY 1, 2, 3;
