import { expect, test } from '@playwright/test';
import postgres from 'postgres';
import { freshDatabase } from './fault-database.js';
import { fileRepair, homes, inBatches, pairKiosk, type Filing } from './kiosk-client.js';
import { createCluster, freePort, type PgCluster } from './pg-cluster.js';
import { spawnServer } from '../e2e/server-process.js';

// The app process dies mid-burst (kill -9: no shutdown, no flushing). What a kiosk was told is
// filed must be there after the restart, with its event; nothing may be half-written.

let cluster: PgCluster;
test.beforeAll(async () => {
	cluster = await createCluster();
});
test.afterAll(() => cluster?.remove());

test('kill -9 during a burst of filings: every filing that was answered exists, with its event', async () => {
	const databaseUrl = await freshDatabase(cluster, 'killed');
	const port = await freePort();
	const first = spawnServer(port, {}, databaseUrl);
	await first.ready();
	const cookie = await pairKiosk(first.baseURL);
	const all = await homes(databaseUrl);
	const filings: Filing[] = Array.from({ length: 400 }, (_, i) => ({
		home: all[i % all.length] ?? { unitId: '', last4: '' },
		key: crypto.randomUUID(),
		description: `burst #${i}: 水管漏水`
	}));

	let answered = 0;
	const outcomes = inBatches(filings, 16, async (filing) => {
		try {
			const serial = await fileRepair(first.baseURL, cookie, filing);
			answered += 1;
			// Mid-burst, the process is killed outright.
			if (answered === 120) first.child.kill('SIGKILL');
			return serial;
		} catch {
			return null;
		}
	});
	const serials = await outcomes;
	await first.exited;
	const told = filings.flatMap((f, i) => (serials[i] ? [{ ...f, serial: serials[i] }] : []));
	expect(told.length).toBeGreaterThanOrEqual(120);
	expect(told.length).toBeLessThan(filings.length);

	// Restarted on the same database.
	const second = spawnServer(port, {}, databaseUrl);
	await second.ready();
	const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
	try {
		const rows = await sql<{ key: string; serial: string; filed: number }[]>`
			select t.idempotency_key as key, t.serial,
				(select count(*)::int from events e where e.ticket_id = t.id and e.type = 'ticket.filed') as filed
			from tickets t where t.description like 'burst #%'`;
		const byKey = new Map(rows.map((r) => [r.key, r]));
		for (const filing of told) {
			expect(byKey.get(filing.key)?.serial).toBe(filing.serial);
		}
		// Nothing half-written: every ticket has exactly its one filing event, and the site's
		// event numbers run without a gap.
		expect(rows.every((r) => r.filed === 1)).toBe(true);
		const [gaps] = await sql<{ n: number; max: number }[]>`
			select count(*)::int as n, max(seq)::int as max from events`;
		expect(gaps?.n).toBe(gaps?.max);
		// A kiosk that never heard back sends again after the restart: filed once, not twice.
		const unanswered = filings.filter((_, i) => !serials[i]);
		const retried = await inBatches(unanswered, 16, (f) => fileRepair(second.baseURL, cookie, f));
		expect(new Set(retried).size).toBe(unanswered.length);
		const [count] = await sql<{ n: number }[]>`
			select count(*)::int as n from tickets where description like 'burst #%'`;
		expect(count?.n).toBe(filings.length);
	} finally {
		await sql.end();
		await second.stop();
	}
});
