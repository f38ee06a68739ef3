-- Nothing on record is ever deleted or rewritten (DOMAIN.md): the event log refuses updates,
-- deletes and truncation, and so does the household archive read log; tickets refuse deletion.
CREATE FUNCTION lobbydesk_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION '% on % is not allowed: the record is append-only', TG_OP, TG_TABLE_NAME
		USING ERRCODE = 'restrict_violation';
END
$$;
--> statement-breakpoint
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
	FOR EACH ROW EXECUTE FUNCTION lobbydesk_refuse_change();
--> statement-breakpoint
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
	FOR EACH STATEMENT EXECUTE FUNCTION lobbydesk_refuse_change();
--> statement-breakpoint
CREATE TRIGGER tickets_never_deleted BEFORE DELETE ON tickets
	FOR EACH ROW EXECUTE FUNCTION lobbydesk_refuse_change();
--> statement-breakpoint
CREATE TRIGGER tickets_no_truncate BEFORE TRUNCATE ON tickets
	FOR EACH STATEMENT EXECUTE FUNCTION lobbydesk_refuse_change();
--> statement-breakpoint
CREATE TRIGGER archive_reads_append_only BEFORE UPDATE OR DELETE ON archive_reads
	FOR EACH ROW EXECUTE FUNCTION lobbydesk_refuse_change();
