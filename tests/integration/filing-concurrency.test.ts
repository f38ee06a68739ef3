import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadClockRules, markRulesChanged } from '../../src/lib/server/clocks/site-clock-rules.js';
import { queryRows } from '../../src/lib/server/db/client.js';
import {
	events,
	servicePolicies,
	ticketClocks,
	tickets
} from '../../src/lib/server/db/schema/index.js';
import { appendEvent, lockSiteStream, SYSTEM } from '../../src/lib/server/event-log.js';
import { EVENTS_CHANNEL, parseEventNotice } from '../../src/lib/server/realtime/channels.js';
import { kioskUnits } from '../../src/lib/server/kiosk.js';
import { defaultSite } from '../../src/lib/server/sites.js';
import { fileTicket, type FileTicketInput } from '../../src/lib/server/tickets.js';
import {
	createDemoDatabase,
	TEST_DATABASE_URL,
	type TestDatabase
} from '../helpers/test-database.js';

let database: TestDatabase;
let siteId: string;
let unitId: string;
const notices: number[] = [];

beforeAll(async () => {
	database = await createDemoDatabase();
	siteId = (await defaultSite(database.db))?.id ?? '';
	unitId = (await kioskUnits(database.db, siteId))[2]?.id ?? '';
	await database.listen(EVENTS_CHANNEL, (payload) => {
		const notice = parseEventNotice(payload);
		if (notice?.siteId === siteId) notices.push(notice.seq);
	});
});
afterAll(() => database.dispose());

const repair = (over: Partial<FileTicketInput> = {}): FileTicketInput => ({
	siteId,
	type: 'repair',
	category: 'water',
	channel: 'kiosk',
	unitId,
	description: '厨房水龙头滴水',
	actor: { kind: 'system' },
	...over
});

async function until(done: () => boolean | Promise<boolean>): Promise<void> {
	while (!(await done())) await new Promise((r) => setTimeout(r, 20));
}

describe('filings at the same time as each other and as other changes', () => {
	it('number tickets and events without holes, each event told in the order it committed', async () => {
		const at = new Date('2027-01-05T02:00:00Z');
		const [{ last } = { last: 0 }] = await queryRows<{ last: number | string }>(
			database.db,
			sql`select coalesce(max(seq), 0) as last from events where site_id = ${siteId}`
		);
		const start = Number(last);
		const filed = await Promise.all([
			...Array.from({ length: 30 }, () => fileTicket(database.db, repair({ now: at }))),
			...Array.from({ length: 10 }, () =>
				database.db.transaction((tx) =>
					appendEvent(tx, { siteId, type: 'test.other', actor: SYSTEM })
				)
			)
		]);
		const serials = filed.flatMap((t) => (typeof t === 'number' ? [] : [t.serial])).sort();
		expect(serials).toEqual(
			Array.from({ length: 30 }, (_, i) => `R-20270105-${String(i + 1).padStart(3, '0')}`)
		);

		// Every app process hears 1, 2, 3… in order: a client that applied n gets n + 1 next.
		await until(() => notices.filter((n) => n > start).length >= 40);
		const heard = notices.filter((n) => n > start);
		expect(heard).toEqual(Array.from({ length: 40 }, (_, i) => start + i + 1));

		// The later number is the later event: serial order and stream order agree.
		const rows = await database.db
			.select({ serial: tickets.serial })
			.from(events)
			.innerJoin(tickets, eq(tickets.id, events.ticketId))
			.where(and(eq(events.siteId, siteId), eq(events.type, 'ticket.filed')))
			.orderBy(asc(events.seq));
		const ours = rows.map((r) => r.serial).filter((s) => s.startsWith('R-20270105-'));
		expect(ours).toEqual(serials);
	});
});

// PGlite has one connection: nothing can wait for a lock there.
describe.runIf(TEST_DATABASE_URL)('a filing while the clock rules change', () => {
	it('is judged by the rules that committed before it took the site’s stream', async () => {
		const { policy } = await loadClockRules(database.db, siteId);
		const monday9 = new Date('2027-01-04T01:00:00Z');
		// Known rules first, so the filing below has them in memory as well.
		const before = await fileTicket(database.db, repair({ now: monday9 }));
		const arrival = (ticketId: string) =>
			database.db
				.select({ key: ticketClocks.clockKey, version: ticketClocks.policyVersion })
				.from(ticketClocks)
				.where(
					and(eq(ticketClocks.ticketId, ticketId), eq(ticketClocks.clockKey, 'repair_arrival'))
				);
		expect(await arrival(before.id)).toEqual([{ key: 'repair_arrival', version: policy.version }]);

		let filing: Promise<{ id: string }> | undefined;
		await database.db.transaction(async (tx) => {
			await lockSiteStream(tx, siteId);
			filing = fileTicket(database.db, repair({ now: monday9 }));
			// The filing has read and planned, and waits for the stream row.
			await until(async () => {
				const [waiting] = await queryRows<{ n: number | string }>(
					database.db,
					sql`select count(*) as n from pg_stat_activity
						where datname = current_database() and wait_event_type = 'Lock'`
				);
				return Number(waiting?.n) > 0;
			});
			await tx.insert(servicePolicies).values({
				siteId,
				version: policy.version + 1,
				atRisk: policy.atRisk,
				clocks: policy.clocks.filter((c) => c.key !== 'repair_arrival')
			});
			await markRulesChanged(tx, siteId);
		});
		const after = await filing;
		expect(await arrival(after?.id ?? '')).toEqual([]);
	});
});
