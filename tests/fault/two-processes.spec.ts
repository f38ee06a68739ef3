import { expect, test } from '@playwright/test';
import postgres from 'postgres';
import { freshDatabase } from './fault-database.js';
import {
	fileRepair,
	homes,
	inBatches,
	pairDemoDevice,
	pairKiosk,
	type Filing
} from './kiosk-client.js';
import { createCluster, freePort, type PgCluster } from './pg-cluster.js';
import { workTicket } from './staff-client.js';
import { expectWallShowsDatabase, openWall } from './wall.js';
import { openSocket, sessionCookie, subscribe, type TestSocket } from '../e2e/helpers.js';
import { spawnServer, type ServerProcess } from '../e2e/server-process.js';

// Two app processes on one database, kiosks filing and staff working tickets through both at
// once, displays on both. Each process learns of the other's commits by NOTIFY and reads them
// from the events table: every display must hear every change once, in the one order of the
// site's stream, whichever process it is connected to and whichever process made the change.

let cluster: PgCluster;
test.beforeAll(async () => {
	cluster = await createCluster();
});
test.afterAll(() => cluster?.remove());

/** A lobby display's socket, subscribed as the wall subscribes; it hears what comes after `from`. */
interface Display {
	socket: TestSocket;
	from: number;
}

async function openDisplay(server: ServerProcess, cookie: string): Promise<Display> {
	const socket = await openSocket(server.baseURL, cookie);
	const reply = await subscribe(socket, 'public', null);
	if (!reply.ok || !('snapshot' in reply))
		throw new Error(`not subscribed: ${JSON.stringify(reply)}`);
	return { socket, from: reply.snapshot.seq };
}

/** `seq serial` of each change after `from` up to `head` a display heard, as it heard them. */
const heard = (display: Display, head: number) =>
	display.socket.received
		.filter((m) => m.seq > display.from && m.seq <= head)
		.map((m) => `${m.seq} ${m.ticket?.serial ?? '-'}`);

test('two processes, filings and staff through both: every display hears every change once, in order', async ({
	browser,
	request
}) => {
	test.setTimeout(150_000);
	const databaseUrl = await freshDatabase(cluster, 'two_processes');
	const servers = [
		spawnServer(await freePort(), {}, databaseUrl),
		spawnServer(await freePort(), {}, databaseUrl)
	];
	const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
	try {
		await Promise.all(servers.map((s) => s.ready()));
		const [one, two] = servers as [ServerProcess, ServerProcess];
		const [walls, kiosk, sessions, displays, all] = await Promise.all([
			// A wall in Chromium on each process (tall enough for every ticket of this test)…
			Promise.all(servers.map((s) => openWall(browser, s.baseURL, 16_000))),
			pairKiosk(one.baseURL),
			Promise.all(servers.map((s) => sessionCookie(request, s.baseURL, 'supervisor'))),
			// …and four display sockets on each.
			pairDemoDevice(two.baseURL, 'display').then((display) =>
				Promise.all(
					servers.flatMap((s) => Array.from({ length: 4 }, () => openDisplay(s, display)))
				)
			),
			homes(databaseUrl)
		]);

		// 100 filings through each process, 8 at a time each; every tenth ticket is claimed
		// through the other process as soon as it exists, every twentieth resolved there too.
		const run = (via: number) =>
			inBatches(
				Array.from({ length: 100 }, (_, i): Filing => ({
					home: all[(i + via * 100) % all.length] ?? { unitId: '', last4: '' },
					key: crypto.randomUUID(),
					description: `two processes ${via}#${i}: 水管漏水`
				})),
				8,
				async (filing, i) => {
					const serial = await fileRepair(servers[via]?.baseURL ?? '', kiosk, filing);
					const other = (via + 1) % 2;
					const staff = (action: 'claim' | 'resolve') =>
						workTicket(
							request,
							servers[other]?.baseURL ?? '',
							sessions[other] ?? '',
							serial,
							action
						);
					if (i % 10 === 0) await staff('claim');
					if (i % 20 === 0) await staff('resolve');
					return serial;
				}
			);
		const serials = (await Promise.all([run(0), run(1)])).flat();
		expect(new Set(serials).size).toBe(200);

		// The stream as the database has it, up to now (a clock sweep may add more later).
		const [{ head } = { head: 0 }] = await sql<{ head: number }[]>`
			select max(seq)::int as head from events`;
		const stream = await sql<{ seq: number; serial: string | null }[]>`
			select e.seq::int as seq, t.serial from events e left join tickets t on t.id = e.ticket_id
			where e.seq <= ${head} order by e.seq`;
		expect(stream.map((e) => e.seq)).toEqual(Array.from({ length: head }, (_, i) => i + 1));
		const filed = new Set(serials);
		const [{ firstFiled } = { firstFiled: 0 }] = await sql<{ firstFiled: number }[]>`
			select min(e.seq)::int as "firstFiled" from events e join tickets t on t.id = e.ticket_id
			where t.serial in ${sql(serials)}`;
		const ofFiled = stream.filter((e) => e.serial && filed.has(e.serial)).length;
		// 200 filings, 20 claims, 10 resolutions at the least (clocks may add their own events).
		expect(ofFiled).toBeGreaterThanOrEqual(230);

		await expect
			.poll(() => Math.min(...displays.map((d) => d.socket.received.at(-1)?.seq ?? 0)), {
				timeout: 30_000
			})
			.toBeGreaterThanOrEqual(head);
		for (const [i, d] of displays.entries()) {
			// Subscribed before the first filing: it owes every one of them.
			expect(d.from, `display ${i}`).toBeLessThan(firstFiled);
			// Each change after its snapshot exactly once, in the stream's order, with no gap.
			expect(heard(d, head), `display ${i}`).toEqual(
				stream.filter((e) => e.seq > d.from).map((e) => `${e.seq} ${e.serial ?? '-'}`)
			);
			const aboutFiled = d.socket.received.filter(
				(m) => m.seq <= head && m.ticket && filed.has(m.ticket.serial)
			);
			expect(aboutFiled.length, `display ${i}`).toBe(ofFiled);
		}

		// And the walls, as people see them, show exactly the open tickets.
		for (const wall of walls) await expectWallShowsDatabase(wall, databaseUrl);
		for (const d of displays) d.socket.disconnect();
		await Promise.all(walls.map((w) => w.context().close()));
	} finally {
		await sql.end();
		await Promise.all(servers.map((s) => s.stop()));
	}
});
