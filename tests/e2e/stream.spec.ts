import { expect, test } from '@playwright/test';
import postgres from 'postgres';
import { PUBLIC_TICKET_FIELDS } from '../../src/lib/domain/public-ticket.js';
import {
	cookieHeader,
	openSocket,
	pairDemo,
	postForm,
	sessionCookie,
	subscribe,
	type TestSocket
} from './helpers.js';
import { freshDatabase, spawnServer, startServer, type ServerProcess } from './server-process.js';

// The live stream, watched from sockets in this process against servers of its own, so that
// every sequence number counted here is ours alone.

test.describe.configure({ mode: 'serial' });

let server: ServerProcess;
test.beforeAll(async () => {
	server = await startServer(4401, { LOBBYDESK_STREAM_MAX_REPLAY: '5' });
});
test.afterAll(async () => {
	await server?.stop();
});

/** Registers a kiosk through the admin's console form: one committed change of the site. */
async function registerKiosk(
	request: import('@playwright/test').APIRequestContext,
	admin: string,
	name: string
) {
	const response = await postForm(
		request,
		server.baseURL,
		'/console/devices?/register',
		{ name, kind: 'kiosk' },
		admin
	);
	expect(response.status()).toBe(200);
}

async function displayCookie(browser: import('@playwright/test').Browser): Promise<string> {
	const context = await browser.newContext({ baseURL: server.baseURL });
	const page = await context.newPage();
	await pairDemo(page, 'display');
	const cookie = await cookieHeader(page);
	await context.close();
	return cookie;
}

const received = (socket: TestSocket) => socket.received.map((m) => m.seq);

test('a socket without a session or a paired device is refused every stream', async () => {
	const socket = await openSocket(server.baseURL);
	try {
		expect(await subscribe(socket, 'public', null)).toEqual({
			ok: false,
			error: 'unauthenticated'
		});
		expect(await subscribe(socket, 'staff', null)).toEqual({ ok: false, error: 'unauthenticated' });
	} finally {
		socket.disconnect();
	}
});

test('a display may not join the staff room, and what it receives carries nothing personal', async ({
	browser,
	request
}) => {
	const display = await openSocket(server.baseURL, await displayCookie(browser));
	try {
		expect(await subscribe(display, 'staff', null)).toEqual({ ok: false, error: 'forbidden' });
		const reply = await subscribe(display, 'public', null);
		expect(reply.ok && 'snapshot' in reply).toBe(true);
		if (!reply.ok || !('snapshot' in reply)) return;
		expect(reply.snapshot.tickets.length).toBeGreaterThan(0);

		// A staff change to a ticket, and an admin change that is not the lobby's business.
		const assistant = await sessionCookie(request, server.baseURL, 'assistant');
		const admin = await sessionCookie(request, server.baseURL, 'admin');
		const staff = await openSocket(server.baseURL, assistant);
		const staffReply = await subscribe(staff, 'staff', null);
		const ticketId =
			staffReply.ok && 'snapshot' in staffReply ? staffReply.snapshot.tickets[0]?.id : undefined;
		expect(ticketId).toBeTruthy();
		staff.disconnect();
		await postForm(
			request,
			server.baseURL,
			'/console?/claim',
			{ ticket: ticketId ?? '' },
			assistant
		);
		await registerKiosk(request, admin, '一楼大厅终端');

		await expect.poll(() => display.received.length).toBe(2);
		const [claimed, registered] = display.received;
		expect(claimed?.ticket?.status).toBe('accepted');
		expect(Object.keys(claimed?.ticket ?? {}).sort()).toEqual([...PUBLIC_TICKET_FIELDS].sort());
		expect(claimed?.event).toBeNull();
		expect(registered).toMatchObject({ seq: (claimed?.seq ?? 0) + 1, ticket: null, event: null });
		// The day's figures ride along: counts, and nothing else.
		expect(Object.keys(registered?.today ?? {}).sort()).toEqual([
			'filed',
			'judged',
			'met',
			'resolved',
			'visitorsOnSite',
			'visitorsWaiting'
		]);
		expect(Object.values(registered?.today ?? {}).every((n) => typeof n === 'number')).toBe(true);
		const everything = JSON.stringify([reply.snapshot, ...display.received]);
		expect(everything).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
		expect(everything).not.toContain('王芳');
		expect(everything).not.toContain('一楼大厅终端');
		expect(everything).not.toContain('漏水');
	} finally {
		display.disconnect();
	}
});

test('a display that missed three changes gets exactly those three, in order; one far behind gets a snapshot', async ({
	browser,
	request
}) => {
	const cookie = await displayCookie(browser);
	const admin = await sessionCookie(request, server.baseURL, 'admin');
	const first = await openSocket(server.baseURL, cookie);
	const reply = await subscribe(first, 'public', null);
	const seq = reply.ok && 'snapshot' in reply ? reply.snapshot.seq : -1;
	first.disconnect();

	// A display that stays connected shows when the server has sent the three live: a socket that
	// subscribes while they are still being sent may get one twice (replayed, then live), which
	// the protocol allows and the client drops; this test wants to see that nothing else arrives.
	const watcher = await openSocket(server.baseURL, cookie);
	await subscribe(watcher, 'public', seq);
	for (const name of ['A', 'B', 'C']) await registerKiosk(request, admin, `终端 ${name}`);
	await expect.poll(() => received(watcher)).toContain(seq + 3);
	watcher.disconnect();
	const back = await openSocket(server.baseURL, cookie);
	try {
		const caughtUp = await subscribe(back, 'public', seq);
		expect(caughtUp.ok && 'replay' in caughtUp && caughtUp.replay.map((m) => m.seq)).toEqual([
			seq + 1,
			seq + 2,
			seq + 3
		]);
		// Nothing more arrives on its own: no duplicates.
		await new Promise((r) => setTimeout(r, 300));
		expect(received(back)).toEqual([]);
	} finally {
		back.disconnect();
	}

	for (const name of ['D', 'E', 'F', 'G', 'H', 'I'])
		await registerKiosk(request, admin, `终端 ${name}`);
	const late = await openSocket(server.baseURL, cookie);
	try {
		const far = await subscribe(late, 'public', seq + 3);
		expect(far.ok && 'snapshot' in far && far.snapshot.seq).toBe(seq + 9);
	} finally {
		late.disconnect();
	}
});

test.describe('two app processes on one Postgres', () => {
	test.skip(!process.env.TEST_DATABASE_URL, 'the embedded database belongs to one process');

	test('a change committed through one reaches clients of both; a rolled-back one reaches no one', async ({
		request
	}) => {
		test.setTimeout(60_000);
		const second = spawnServer(4402, {}, server.databaseUrl);
		await second.ready();
		const sql = postgres(server.databaseUrl ?? '', { max: 1, onnotice: () => {} });
		try {
			const onFirst = await openSocket(
				server.baseURL,
				await sessionCookie(request, server.baseURL, 'supervisor')
			);
			const onSecond = await openSocket(
				second.baseURL,
				await sessionCookie(request, second.baseURL, 'director')
			);
			const [a, b] = await Promise.all([
				subscribe(onFirst, 'staff', null),
				subscribe(onSecond, 'staff', null)
			]);
			expect(a.ok && b.ok).toBe(true);

			// Through the first process's HTTP: both processes' clients hear of it.
			const admin = await sessionCookie(request, server.baseURL, 'admin');
			await registerKiosk(request, admin, '二号楼终端');
			for (const socket of [onFirst, onSecond]) {
				await expect.poll(() => socket.received.at(-1)?.event?.data.name).toBe('二号楼终端');
			}

			// Straight into the database, in a transaction that rolls back: nobody hears of it.
			const [site] = await sql`select id from sites limit 1`;
			const writeEvent = async (tx: postgres.TransactionSql, type: string) => {
				const [stream] = await tx`update event_streams set last_seq = last_seq + 1
					where site_id = ${site?.id} returning last_seq`;
				await tx`insert into events (site_id, seq, type, actor_kind)
					values (${site?.id}, ${stream?.last_seq}, ${type}, 'system')`;
				await tx`select pg_notify('lobbydesk_events', ${`${site?.id}:${stream?.last_seq}`})`;
			};
			await sql
				.begin(async (tx) => {
					await writeEvent(tx, 'test.rolled_back');
					throw new Error('roll back');
				})
				.catch(() => {});
			await sql.begin((tx) => writeEvent(tx, 'test.committed'));
			for (const socket of [onFirst, onSecond]) {
				await expect.poll(() => socket.received.at(-1)?.event?.type).toBe('test.committed');
				const types = socket.received.map((m) => m.event?.type);
				expect(types).not.toContain('test.rolled_back');
				const seqs = socket.received.map((m) => m.seq);
				expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
				expect(new Set(seqs).size).toBe(seqs.length);
			}
			onFirst.disconnect();
			onSecond.disconnect();
		} finally {
			await sql.end();
			await second.stop();
		}
	});

	test('both processes keep the clocks, and each warning is recorded once', async ({ browser }) => {
		test.setTimeout(60_000);
		// Two processes of their own on a database of their own (the other tests here count events):
		// one sweeping five times a second, the other every five seconds.
		const databaseUrl = await freshDatabase('lobbydesk_clock_sweepers');
		const first = spawnServer(4404, {}, databaseUrl);
		await first.ready();
		const second = spawnServer(4405, { LOBBYDESK_CLOCK_SWEEP_MS: '200' }, databaseUrl);
		await second.ready();
		const sql = postgres(databaseUrl ?? '', { max: 1, onnotice: () => {} });
		const context = await browser.newContext({ baseURL: second.baseURL });
		try {
			// An emergency's two minutes are at risk from the start: each sweeper finds it due.
			const kiosk = await context.newPage();
			await pairDemo(kiosk, 'kiosk');
			await kiosk.getByRole('link', { name: /紧急求助/ }).click();
			await kiosk.getByText('其他紧急情况').click();
			await kiosk.getByRole('radio', { name: '1号楼' }).check();
			await kiosk.getByLabel('楼层', { exact: true }).fill('2');
			await kiosk.getByRole('button', { name: '呼叫求助' }).click();
			await expect(kiosk.getByTestId('serial')).toBeVisible();
			const serial = (await kiosk.getByTestId('serial').textContent()) ?? '';
			const warnings = async () => {
				const rows = await sql`select e.type from events e join tickets t on t.id = e.ticket_id
					where t.serial = ${serial} and e.type like 'clock.%'`;
				return rows.map((r) => r.type as string);
			};
			await expect.poll(warnings).toEqual(['clock.at_risk']);
			// Both have swept it since (the first at least once more); still one.
			await new Promise((done) => setTimeout(done, 6_000));
			expect(await warnings()).toEqual(['clock.at_risk']);
		} finally {
			await context.close();
			await sql.end();
			await second.stop();
			await first.stop();
		}
	});
});
