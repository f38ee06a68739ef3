import postgres from 'postgres';

/**
 * What a half-written change would leave behind, as queries that count the rows breaking each
 * rule: every count must be zero however the requests before them went.
 */
export const INVARIANTS: Record<string, string> = {
	'every ticket has exactly one ticket.filed event': `
		select count(*) from tickets t
		where (select count(*) from events e where e.ticket_id = t.id and e.type = 'ticket.filed') <> 1`,
	"a site's event numbers run 1, 2, 3… without a gap or a repeat": `
		select count(*) from (
			select site_id from events group by site_id
			having count(*) <> max(seq) or count(distinct seq) <> count(*)) gaps`,
	"a site's stream head is its last event": `
		select count(*) from event_streams s
		where s.last_seq <> (select coalesce(max(seq), 0) from events e where e.site_id = s.site_id)`,
	'every visit has the event that made it': `
		select count(*) from visits v where not exists (
			select 1 from events e where e.data->>'visitId' = v.id::text
			and e.type in ('visit.registered', 'visit.invited'))`,
	'every release-pass ticket has its pass': `
		select count(*) from tickets t where t.type = 'release_pass'
		and not exists (select 1 from release_passes p where p.ticket_id = t.id)`,
	'every device has its registration event': `
		select count(*) from devices d where not exists (
			select 1 from events e where e.type = 'device.registered' and e.data->>'deviceId' = d.id::text)`,
	'every block has its event': `
		select count(*) from visitor_blocks b where not exists (
			select 1 from events e where e.type = 'visitor.blocked' and e.data->>'blockId' = b.id::text)`,
	'a closed or resolved ticket says when': `
		select count(*) from tickets
		where (status = 'closed' and closed_at is null) or (status = 'resolved' and resolved_at is null)`,
	'an approved or signed-out visit has its pass': `
		select count(*) from visits
		where status in ('approved', 'signed_out') and (pass_number is null or approved_at is null)`,
	'a signed-out visit says when': `
		select count(*) from visits where status = 'signed_out' and signed_out_at is null`,
	'no oversized input was stored': `
		select count(*) from tickets t
		where length(t.description) > 2000 or length(coalesce(t.reporter_name, '')) > 2000
		or exists (select 1 from events e where e.ticket_id = t.id and length(e.data::text) > 20000)`,
	'no visitor record holds oversized text': `
		select count(*) from visits
		where length(coalesce(name, '')) > 20 or length(coalesce(purpose_text, '')) > 120
		or length(coalesce(note, '')) > 2000`
};

/** The rules broken, each with the number of rows breaking it. */
export async function brokenInvariants(databaseUrl: string): Promise<string[]> {
	const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
	try {
		const broken: string[] = [];
		for (const [rule, query] of Object.entries(INVARIANTS)) {
			const [row] = await sql.unsafe<{ count: string }[]>(query);
			if (Number(row?.count ?? 0) !== 0) broken.push(`${rule}: ${row?.count} rows`);
		}
		return broken;
	} finally {
		await sql.end();
	}
}

/** Lines of the server's output that report an error it did not handle. */
export function unhandledErrors(output: string): string[] {
	return output
		.split('\n')
		.filter(
			(line) =>
				/^\[[0-9a-f]{8}\] /.test(line) ||
				/^\s+at .+:\d+:\d+\)?$/.test(line) ||
				/unhandled|uncaught/i.test(line)
		)
		.slice(0, 20);
}
