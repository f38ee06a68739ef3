import { expect, test } from '@playwright/test';
import postgres from 'postgres';
import { freshDatabase } from './fault-database.js';
import { fileRepair, homes, inBatches, pairKiosk, type Filing } from './kiosk-client.js';
import { lossyProxy } from './lossy-proxy.js';
import { createCluster, freePort, type PgCluster } from './pg-cluster.js';
import { spawnServer, type ServerProcess } from '../e2e/server-process.js';

// The kiosk's answer is lost after the server committed: the kiosk cannot tell a request that
// never arrived from one whose answer went missing, so it sends it again with the same key.
// Whatever the timing, one request is one ticket.

let cluster: PgCluster;
let server: ServerProcess;
let databaseUrl: string;
test.beforeAll(async () => {
	cluster = await createCluster();
	databaseUrl = await freshDatabase(cluster, 'retries');
	server = spawnServer(await freePort(), {}, databaseUrl);
	await server.ready();
});
test.afterAll(async () => {
	await server?.stop();
	cluster?.remove();
});

test('200 filings whose answers are lost, each sent again, are exactly 200 tickets', async () => {
	const cookie = await pairKiosk(server.baseURL);
	const all = await homes(databaseUrl);
	const run = crypto.randomUUID().slice(0, 8);
	const filings: Filing[] = Array.from({ length: 200 }, (_, i) => ({
		home: all[i % all.length] ?? { unitId: '', last4: '' },
		key: crypto.randomUUID(),
		description: `retry ${run} #${i}: 水管漏水`
	}));
	const proxy = await lossyProxy(Number(new URL(server.baseURL).port));
	try {
		const lost = await inBatches(filings, 20, async (filing) => {
			try {
				await fileRepair(`http://127.0.0.1:${proxy.port}`, cookie, filing);
				return false;
			} catch {
				return true;
			}
		});
		// Every answer went missing: the kiosk heard nothing back for any of them.
		expect(lost.every(Boolean)).toBe(true);
	} finally {
		await proxy.close();
	}
	// The kiosk retries each with its key, and this time hears back.
	const serials = await inBatches(filings, 20, (filing) =>
		fileRepair(server.baseURL, cookie, filing)
	);
	expect(new Set(serials).size).toBe(200);

	const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
	try {
		const [tickets] = await sql<{ n: number }[]>`
			select count(*)::int as n from tickets where description like ${`retry ${run} #%`}`;
		expect(tickets?.n).toBe(200);
		const [filed] = await sql<{ n: number }[]>`
			select count(*)::int as n from events e join tickets t on t.id = e.ticket_id
			where e.type = 'ticket.filed' and t.description like ${`retry ${run} #%`}`;
		expect(filed?.n).toBe(200);
	} finally {
		await sql.end();
	}
});
