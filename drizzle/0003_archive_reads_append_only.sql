-- The read log is evidence: like the event log, it is never rewritten.
CREATE TRIGGER archive_reads_append_only BEFORE UPDATE OR DELETE ON archive_reads
	FOR EACH ROW EXECUTE FUNCTION lobbydesk_refuse_change();
