import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { and, asc, eq, like, sql } from 'drizzle-orm';
import { CN_CALENDAR_DAYS } from '../../src/lib/domain/clocks/cn-holidays.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionValues } from '../../src/lib/domain/ticket-action-input.js';
import type { TicketAction } from '../../src/lib/domain/ticket-workflow.js';
import type { StaffRole, TicketType } from '../../src/lib/domain/vocabulary.js';
import { sweepDueClocks } from '../../src/lib/server/clocks/clock-sweep.js';
import { openDatabase } from '../../src/lib/server/db/client.js';
import {
	events,
	servicePolicies,
	siteCalendarDays,
	sites,
	ticketClocks
} from '../../src/lib/server/db/schema/index.js';
import type { Ticket } from '../../src/lib/server/tickets.js';
import { demoDesk } from '../helpers/desk.js';
import { createDemoDatabase, MIGRATIONS, type TestDatabase } from '../helpers/test-database.js';

const MIN = 60_000;
/** A Shanghai wall-clock time as a Date. */
const sh = (wall: string) => new Date(`${wall.replace(' ', 'T')}:00+08:00`);
const plus = (d: Date, minutes: number) => new Date(d.getTime() + minutes * MIN);

let database: TestDatabase;
let desk: Awaited<ReturnType<typeof demoDesk>>;

beforeAll(async () => {
	database = await createDemoDatabase();
	desk = await demoDesk(database, 3);
});
afterAll(() => database.dispose());

const file = (type: TicketType, now: Date) => desk.file(type, now);
const act = (
	ticket: Ticket,
	action: TicketAction,
	role: StaffRole,
	now: Date,
	values: Partial<ActionValues> = {}
) => desk.done(ticket, action, role, values, now);

function clocksOf(ticketId: string) {
	return database.db
		.select()
		.from(ticketClocks)
		.where(eq(ticketClocks.ticketId, ticketId))
		.orderBy(asc(ticketClocks.clockKey), asc(ticketClocks.cycle));
}

function clockEvents(ticketId: string) {
	return database.db
		.select({ type: events.type, data: events.data, at: events.at })
		.from(events)
		.where(and(eq(events.ticketId, ticketId), like(events.type, 'clock.%')))
		.orderBy(asc(events.seq));
}

describe('clocks kept with every ticket event', () => {
	it('a new site carries the seed policy and China’s holidays and make-up days', async () => {
		const days = await database.db
			.select()
			.from(siteCalendarDays)
			.where(eq(siteCalendarDays.siteId, desk.siteId));
		const byDay = new Map(days.map((d) => [d.day, d]));
		expect(byDay.get('2026-10-01')).toMatchObject({ kind: 'holiday', name: '国庆节' });
		expect(byDay.get('2026-10-10')).toMatchObject({ kind: 'workday' });
		const policies = await database.db
			.select({ version: servicePolicies.version, by: servicePolicies.createdByStaffId })
			.from(servicePolicies)
			.where(eq(servicePolicies.siteId, desk.siteId));
		expect(policies).toEqual([{ version: 1, by: null }]);
	});

	it('sites from before the clocks get the national calendar from the migration, keeping their own days', async () => {
		const [old] = await database.db
			.insert(sites)
			.values({
				slug: `old-${crypto.randomUUID().slice(0, 8)}`,
				name: '旧小区',
				nameEn: 'Old estate'
			})
			.returning({ id: sites.id });
		const siteId = old?.id ?? '';
		await database.db
			.insert(siteCalendarDays)
			.values({ siteId, day: '2026-10-01', kind: 'workday', name: '自定' });
		const migration = readFileSync(resolve(MIGRATIONS, '0005_seed_cn_calendar.sql'), 'utf8');
		await database.db.execute(sql.raw(migration));
		const days = await database.db
			.select()
			.from(siteCalendarDays)
			.where(eq(siteCalendarDays.siteId, siteId));
		expect(days).toHaveLength(CN_CALENDAR_DAYS.length);
		expect(days.find((d) => d.day === '2026-10-01')).toMatchObject({
			kind: 'workday',
			name: '自定'
		});
		expect(days.find((d) => d.day === '2026-10-02')).toMatchObject({
			kind: 'holiday',
			name: '国庆节'
		});
	});

	it('a repair filed on a Friday at 17:29 is due on site by 17:49, at 17:31 by 18:31', async () => {
		const early = await file('repair', sh('2026-11-20 17:29'));
		const late = await file('repair', sh('2026-11-20 17:31'));
		const [earlyClock] = await clocksOf(early.id);
		const [lateClock] = await clocksOf(late.id);
		expect(earlyClock).toMatchObject({
			clockKey: 'repair_arrival',
			cycle: 1,
			policyVersion: 1,
			deadlineAt: sh('2026-11-20 17:49'),
			stoppedAt: null
		});
		expect(lateClock?.deadlineAt).toEqual(sh('2026-11-20 18:31'));
	});

	it('waiting for the owner pauses the clock and resuming moves its deadline; on site stops it', async () => {
		const filed = sh('2026-11-23 09:00');
		const ticket = await file('repair', filed);
		await act(ticket, 'claim', 'assistant', plus(filed, 1));
		await act(ticket, 'wait_owner', 'assistant', plus(filed, 5), { text: '业主不在家' });
		let [arrival] = await clocksOf(ticket.id);
		expect(arrival).toMatchObject({
			pausedAt: plus(filed, 5),
			pausedLeftMs: 15 * MIN,
			deadlineAt: null
		});
		await act(ticket, 'resume', 'assistant', plus(filed, 65));
		[arrival] = await clocksOf(ticket.id);
		expect(arrival).toMatchObject({ pausedAt: null, deadlineAt: plus(filed, 80) });
		await act(ticket, 'on_site', 'assistant', plus(filed, 70));
		[arrival] = await clocksOf(ticket.id);
		expect(arrival?.stoppedAt).toEqual(plus(filed, 70));
	});
});

describe('the scheduler', () => {
	it('warns, then breaches once, as timeline events naming the policy and who hears of it', async () => {
		const filed = new Date(Date.now() - 10 * MIN);
		const ticket = await file('emergency', filed);
		// The emergency's two minutes are all "at risk": its warning and breach are both due now.
		await sweepDueClocks(database.db, plus(filed, 0.5));
		let recorded = await clockEvents(ticket.id);
		expect(recorded.map((e) => e.type)).toEqual(['clock.at_risk']);
		await sweepDueClocks(database.db, plus(filed, 3));
		await sweepDueClocks(database.db, plus(filed, 4));
		recorded = await clockEvents(ticket.id);
		expect(recorded.map((e) => e.type)).toEqual(['clock.at_risk', 'clock.breached']);
		expect(recorded[1]?.data).toMatchObject({
			clock: 'emergency_acknowledge',
			policyVersion: 1,
			to: ['supervisor', 'director'],
			deadline: plus(filed, 2).toISOString()
		});
	});

	it('a clock already late when first swept is breached without a separate warning', async () => {
		const filed = new Date(Date.now() - 10 * MIN);
		const ticket = await file('complaint', filed);
		await sweepDueClocks(database.db, plus(filed, 200));
		expect((await clockEvents(ticket.id)).map((e) => e.type)).toEqual(['clock.breached']);
	});

	it('two processes sweeping at once escalate each clock exactly once', async () => {
		const filed = new Date(Date.now() - 10 * MIN);
		const tickets = await Promise.all([1, 2, 3, 4, 5].map(() => file('emergency', filed)));
		const other = database.url ? await openDatabase({ url: database.url }) : null;
		try {
			const at = plus(filed, 5);
			await Promise.all([
				sweepDueClocks(database.db, at),
				sweepDueClocks(other?.db ?? database.db, at),
				sweepDueClocks(database.db, at)
			]);
		} finally {
			await other?.close();
		}
		for (const ticket of tickets) {
			expect((await clockEvents(ticket.id)).map((e) => e.type)).toEqual(['clock.breached']);
		}
	});

	it('leaves paused and stopped clocks alone', async () => {
		const filed = new Date(Date.now() - 100 * MIN);
		const paused = await file('repair', filed);
		await act(paused, 'claim', 'assistant', plus(filed, 1));
		await act(paused, 'wait_owner', 'assistant', plus(filed, 2), { text: '约明天' });
		const done = await file('repair', filed);
		await act(done, 'claim', 'assistant', plus(filed, 1));
		await act(done, 'on_site', 'assistant', plus(filed, 10));
		await sweepDueClocks(database.db, plus(filed, 99));
		expect(await clockEvents(paused.id)).toEqual([]);
		expect(await clockEvents(done.id)).toEqual([]);
	});
});
