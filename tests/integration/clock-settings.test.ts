import { and, asc, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editPolicy, policyFormValues } from '../../src/lib/domain/clocks/policy-edit.js';
import {
	changeCalendar,
	policyHistory,
	publishPolicy
} from '../../src/lib/server/clocks/clock-settings.js';
import { loadClockRules } from '../../src/lib/server/clocks/site-clock-rules.js';
import { latestClocks } from '../../src/lib/server/clocks/ticket-clocks.js';
import { events, ticketClocks } from '../../src/lib/server/db/schema/index.js';
import { demoDesk } from '../helpers/desk.js';
import { createDemoDatabase, type TestDatabase } from '../helpers/test-database.js';

const sh = (wall: string) => new Date(`${wall.replace(' ', 'T')}:00+08:00`);

let database: TestDatabase;
let desk: Awaited<ReturnType<typeof demoDesk>>;
let siteId: string;
let director: string;

beforeAll(async () => {
	database = await createDemoDatabase();
	desk = await demoDesk(database, 7);
	siteId = desk.siteId;
	director = desk.staff.director;
});
afterAll(() => database.dispose());

const repairFiled = (now: Date) => desk.file('repair', now);

async function arrival(ticketId: string) {
	const [row] = await database.db
		.select()
		.from(ticketClocks)
		.where(and(eq(ticketClocks.ticketId, ticketId), eq(ticketClocks.clockKey, 'repair_arrival')));
	return row;
}

describe('changing the service policy', () => {
	it('applies a new version to open tickets at once, and each timeline names the version', async () => {
		const ticket = await repairFiled(sh('2026-11-23 09:00'));
		expect(await arrival(ticket.id)).toMatchObject({
			policyVersion: 1,
			deadlineAt: sh('2026-11-23 09:20')
		});

		const { policy } = await loadClockRules(database.db, siteId);
		const edit = editPolicy(policy, { ...policyFormValues(policy), 'repair_arrival.inside': '30' });
		if (!edit.ok) throw new Error('refused');
		const result = await publishPolicy(database.db, siteId, director, edit);
		expect(result.version).toBe(2);
		expect(result.tickets).toBeGreaterThanOrEqual(1);

		expect(await arrival(ticket.id)).toMatchObject({
			policyVersion: 2,
			deadlineAt: sh('2026-11-23 09:30')
		});
		const rejudged = await database.db
			.select({ data: events.data, actor: events.actorStaffId })
			.from(events)
			.where(and(eq(events.ticketId, ticket.id), eq(events.type, 'clock.rejudged')));
		expect(rejudged).toEqual([
			{ data: { serial: ticket.serial, policyVersion: 2, cause: 'policy' }, actor: director }
		]);
		const history = await policyHistory(database.db, siteId);
		expect(history.map((v) => [v.version, v.createdBy])).toEqual([
			[2, '周建国'],
			[1, null]
		]);
	});
});

describe('changing the working calendar', () => {
	it('a new holiday moves a working-day follow-up at once; removing it moves it back', async () => {
		// A repair resolved on Friday 4 December 2026 at 10:00 is owed a follow-up by Tuesday 10:00.
		const ticket = await repairFiled(sh('2026-12-04 09:00'));
		await desk.done(ticket, 'claim', 'director', {}, sh('2026-12-04 09:05'));
		await desk.done(ticket, 'resolve', 'director', { text: '已修好' }, sh('2026-12-04 10:00'));
		const followUp = async () =>
			(
				await database.db
					.select()
					.from(ticketClocks)
					.where(
						and(eq(ticketClocks.ticketId, ticket.id), eq(ticketClocks.clockKey, 'repair_follow_up'))
					)
			)[0]?.deadlineAt;
		expect(await followUp()).toEqual(sh('2026-12-08 10:00'));

		await changeCalendar(database.db, siteId, director, {
			kind: 'set_day',
			day: { day: '2026-12-07', kind: 'holiday', name: '台风停工' }
		});
		expect(await followUp()).toEqual(sh('2026-12-09 10:00'));

		await changeCalendar(database.db, siteId, director, { kind: 'remove_day', day: '2026-12-07' });
		expect(await followUp()).toEqual(sh('2026-12-08 10:00'));

		// A lunch break every weekday pushes it by the break's length on each working day counted.
		await changeCalendar(database.db, siteId, director, {
			kind: 'hours',
			hours: Object.fromEntries(
				[1, 2, 3, 4, 5].map((d) => [
					d,
					[
						{ start: '08:00', end: '12:00' },
						{ start: '13:00', end: '17:30' }
					]
				])
			)
		});
		// The working day is now 8.5 hours: 17 hours from Friday 10:00 is Tuesday 10:00 again.
		expect(await followUp()).toEqual(sh('2026-12-08 10:00'));

		const changes = await database.db
			.select({ type: events.type, data: events.data })
			.from(events)
			.where(and(eq(events.siteId, siteId), like(events.type, 'site.calendar_changed')))
			.orderBy(asc(events.seq));
		expect(changes.map((c) => c.data.change)).toEqual(['set_day', 'remove_day', 'hours']);
	});
});

describe('a clock the policy no longer has', () => {
	it('is gone from every open ticket it was running on, and kept where it had stopped', async () => {
		const running = await repairFiled(sh('2026-12-14 09:00'));
		const stopped = await repairFiled(sh('2026-12-14 09:00'));
		await desk.done(stopped, 'claim', 'director', {}, sh('2026-12-14 09:02'));
		await desk.done(stopped, 'on_site', 'director', {}, sh('2026-12-14 09:10'));
		expect(await arrival(running.id)).toMatchObject({ stoppedAt: null });
		expect(await arrival(stopped.id)).toMatchObject({ stoppedAt: sh('2026-12-14 09:10') });

		const { policy } = await loadClockRules(database.db, siteId);
		const without = policy.clocks.filter((c) => c.key !== 'repair_arrival');
		await publishPolicy(database.db, siteId, director, { atRisk: policy.atRisk, clocks: without });
		const shown = await latestClocks(database.db, [running.id, stopped.id]);
		expect(shown.get(running.id)?.map((c) => c.key) ?? []).not.toContain('repair_arrival');
		expect(await arrival(running.id)).toBeUndefined();
		expect(shown.get(stopped.id)?.map((c) => c.key)).toContain('repair_arrival');

		// Back as it was (30 minutes since version 2), and a ticket filed now starts the clock again.
		await publishPolicy(database.db, siteId, director, {
			atRisk: policy.atRisk,
			clocks: [...policy.clocks]
		});
		const again = await repairFiled(sh('2026-12-14 09:30'));
		expect(await arrival(again.id)).toMatchObject({ deadlineAt: sh('2026-12-14 10:00') });
	});
});
