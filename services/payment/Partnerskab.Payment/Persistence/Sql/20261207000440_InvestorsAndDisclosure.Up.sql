-- The investor's cash flows and the kommune's disclosure settings are records: added, never
-- changed or deleted, whoever asks (a correction is a record of its own; a new setting supersedes
-- the older one, which stays to say who decided what before).

CREATE FUNCTION refuse_change_of_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% rows are never changed or deleted; add a record instead (% refused)', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'restrict_violation';
END $$;

CREATE TRIGGER investor_cash_flows_append_only BEFORE UPDATE OR DELETE ON investor_cash_flows
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_record();
CREATE TRIGGER investor_cash_flows_never_truncated BEFORE TRUNCATE ON investor_cash_flows
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_record();
CREATE TRIGGER disclosure_settings_append_only BEFORE UPDATE OR DELETE ON disclosure_settings
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_record();
CREATE TRIGGER disclosure_settings_never_truncated BEFORE TRUNCATE ON disclosure_settings
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_record();

ALTER TABLE investor_cash_flows ADD CONSTRAINT ck_investor_cash_flows_amount_positive CHECK (amount_ore > 0);
