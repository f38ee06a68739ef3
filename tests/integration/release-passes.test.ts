import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, releasePasses, tickets } from '../../src/lib/server/db/schema/index.js';
import { demoResidents } from '../../src/lib/server/demo-seed.js';
import { registerDevice } from '../../src/lib/server/devices.js';
import { checkIdentity, kioskUnits } from '../../src/lib/server/kiosk.js';
import {
	decidedPasses,
	kioskReceipt,
	passByCode,
	pendingPasses
} from '../../src/lib/server/release-pass-views.js';
import {
	decidePass,
	filePass,
	usePass,
	type FilePassInput
} from '../../src/lib/server/release-passes.js';
import { defaultSite } from '../../src/lib/server/sites.js';
import { actOnTicket } from '../../src/lib/server/ticket-workflow.js';
import { NO_VALUES } from '../../src/lib/domain/ticket-action-input.js';
import { createDemoDatabase, staffIdOf, type TestDatabase } from '../helpers/test-database.js';

// The item-release pass from the kiosk to the gate: filed once, decided once, used once, on its
// date. Times are fixed: 10:00 in Shanghai on 22 November 2026.

let database: TestDatabase;
let siteId: string;
let kioskId: string;
let otherKioskId: string;
let unitId: string;
let residentId: string;
let supervisor: { kind: 'staff'; staffId: string };
let director: { kind: 'staff'; staffId: string };
let guard: { kind: 'staff'; staffId: string };

const NOW = new Date('2026-11-22T02:00:00Z');
const TODAY = '2026-11-22';
const MINUTE = 60_000;

beforeAll(async () => {
	database = await createDemoDatabase();
	siteId = (await defaultSite(database.db))?.id ?? '';
	const kiosk = (name: string) =>
		registerDevice(database.db, {
			siteId,
			kind: 'kiosk',
			audience: 'lobby',
			name,
			actor: { kind: 'system' }
		});
	kioskId = (await kiosk('lobby kiosk')).device.id;
	otherKioskId = (await kiosk('side door kiosk')).device.id;
	unitId = (await kioskUnits(database.db, siteId))[5]?.id ?? '';
	const identity = await checkIdentity(database.db, {
		siteId,
		unitId,
		phoneLast4: demoResidents(40)[5]?.[0]?.phone.slice(-4) ?? '',
		deviceId: kioskId
	});
	if (!identity.ok) throw new Error('identity refused');
	residentId = identity.residentId;
	supervisor = { kind: 'staff', staffId: await staffIdOf(database, 'supervisor') };
	director = { kind: 'staff', staffId: await staffIdOf(database, 'director') };
	guard = { kind: 'staff', staffId: await staffIdOf(database, 'guard') };
});
afterAll(() => database.dispose());

const input = (over: Partial<FilePassInput> = {}): FilePassInput => ({
	siteId,
	deviceId: kioskId,
	residentId,
	unitId,
	category: 'moving_out',
	carryOn: TODAY,
	carrierName: '  张师傅 ',
	items: [
		{ description: '三人沙发', quantity: 1 },
		{ description: '纸箱', quantity: 12 }
	],
	idempotencyKey: crypto.randomUUID(),
	...over
});

async function ticketOf(ticketId: string) {
	const [ticket] = await database.db.select().from(tickets).where(eq(tickets.id, ticketId));
	if (!ticket) throw new Error('no ticket');
	return ticket;
}

async function eventsOf(ticketId: string) {
	return database.db.select().from(events).where(eq(events.ticketId, ticketId)).orderBy(events.id);
}

/** A pass filed and approved for `carryOn`. */
async function approvedPass(carryOn = TODAY) {
	const { pass } = await filePass(database.db, input({ carryOn }), { now: NOW });
	expect(
		await decidePass(
			database.db,
			{ siteId, passId: pass.id, decision: 'approve', actor: supervisor },
			NOW
		)
	).toMatchObject({ ok: true });
	return pass;
}

describe('filing a pass at the kiosk', () => {
	it('files a release_pass ticket on the kiosk channel and a pending pass with a short code', async () => {
		const { ticket, pass } = await filePass(database.db, input(), { now: NOW });
		expect(ticket).toMatchObject({
			type: 'release_pass',
			category: 'moving_out',
			channel: 'kiosk',
			status: 'new',
			unitId,
			reporterResidentId: residentId,
			createdByDeviceId: kioskId,
			description: '三人沙发 ×1; 纸箱 ×12'
		});
		expect(ticket.serial).toMatch(/^G-20261122-\d{3}$/);
		expect(pass).toMatchObject({
			ticketId: ticket.id,
			status: 'pending',
			carryOn: TODAY,
			carrierName: '张师傅',
			items: [
				{ description: '三人沙发', quantity: 1 },
				{ description: '纸箱', quantity: 12 }
			]
		});
		expect(pass.code).toMatch(/^[2-9A-HJ-NP-Z]{6}$/);
		expect((await eventsOf(ticket.id)).map((e) => e.type)).toEqual(['ticket.filed']);
	});

	it('files one pass for a submission sent twice, one after the other or both at once', async () => {
		const again = input();
		const first = await filePass(database.db, again, { now: NOW });
		const second = await filePass(database.db, again, { now: NOW });
		expect(second.pass.id).toBe(first.pass.id);

		const together = input();
		const [a, b] = await Promise.all([
			filePass(database.db, together, { now: NOW }),
			filePass(database.db, together, { now: NOW })
		]);
		expect(b.pass.id).toBe(a.pass.id);
		for (const key of [again.idempotencyKey, together.idempotencyKey]) {
			const rows = await database.db
				.select({ id: releasePasses.id })
				.from(releasePasses)
				.innerJoin(tickets, eq(tickets.id, releasePasses.ticketId))
				.where(eq(tickets.idempotencyKey, key));
			expect(rows).toHaveLength(1);
		}
	});

	it('takes a fresh code when the one drawn is already in use at the site', async () => {
		const taken = await filePass(database.db, input(), { now: NOW, newCode: () => 'TAKEN2' });
		expect(taken.pass.code).toBe('TAKEN2');
		const draws = ['TAKEN2', 'TAKEN2', 'FRESH3'];
		const next = await filePass(database.db, input(), {
			now: NOW,
			newCode: () => draws.shift() ?? 'NEVER4'
		});
		expect(next.pass.code).toBe('FRESH3');
	});

	it('shows the receipt only on the kiosk that filed it, and only for 15 minutes', async () => {
		const { pass, ticket } = await filePass(database.db, input(), { now: NOW });
		const ask = (deviceId: string, at: Date) =>
			kioskReceipt(database.db, { siteId, deviceId, passId: pass.id }, at);
		expect(await ask(kioskId, new Date(NOW.getTime() + 14 * MINUTE))).toEqual({
			code: pass.code,
			serial: ticket.serial,
			category: 'moving_out',
			status: 'pending',
			carryOn: TODAY,
			items: pass.items
		});
		expect(await ask(otherKioskId, NOW)).toBeNull();
		expect(await ask(kioskId, new Date(NOW.getTime() + 16 * MINUTE))).toBeNull();
	});
});

describe('the duty supervisor decides', () => {
	it('approves: the pass is approved, the ticket in progress with a new version, an event', async () => {
		const { pass, ticket } = await filePass(database.db, input(), { now: NOW });
		expect((await pendingPasses(database.db, siteId)).map((p) => p.id)).toContain(pass.id);
		const decidedAt = new Date(NOW.getTime() + 5 * MINUTE);
		expect(
			await decidePass(
				database.db,
				{ siteId, passId: pass.id, decision: 'approve', actor: supervisor },
				decidedAt
			)
		).toMatchObject({ ok: true });
		const after = await ticketOf(ticket.id);
		expect(after).toMatchObject({ status: 'in_progress', version: ticket.version + 1 });
		expect(after.updatedAt).toEqual(decidedAt);
		expect(after.acceptedAt).toEqual(decidedAt);
		const seen = await passByCode(database.db, siteId, pass.code);
		expect(seen).toMatchObject({ status: 'approved', decidedBy: '陈丽' });
		expect((await eventsOf(ticket.id)).at(-1)).toMatchObject({
			type: 'pass.approved',
			actorStaffId: supervisor.staffId
		});
		expect((await pendingPasses(database.db, siteId)).map((p) => p.id)).not.toContain(pass.id);
		expect((await decidedPasses(database.db, siteId)).map((p) => p.id)).toContain(pass.id);
	});

	it('refuses with the reason on record; the ticket is declined', async () => {
		const { pass, ticket } = await filePass(database.db, input(), { now: NOW });
		expect(
			await decidePass(
				database.db,
				{ siteId, passId: pass.id, decision: 'refuse', reason: ' 物品清单不全 ', actor: director },
				NOW
			)
		).toMatchObject({ ok: true });
		expect((await ticketOf(ticket.id)).status).toBe('declined');
		expect(await passByCode(database.db, siteId, pass.code)).toMatchObject({
			status: 'refused',
			refusalReason: '物品清单不全'
		});
		expect((await eventsOf(ticket.id)).at(-1)).toMatchObject({
			type: 'pass.refused',
			reason: '物品清单不全'
		});
	});

	it('decides once: of two supervisors at once one wins, the other is told', async () => {
		const { pass } = await filePass(database.db, input(), { now: NOW });
		const results = await Promise.all([
			decidePass(
				database.db,
				{ siteId, passId: pass.id, decision: 'approve', actor: supervisor },
				NOW
			),
			decidePass(
				database.db,
				{ siteId, passId: pass.id, decision: 'refuse', reason: '不符', actor: director },
				NOW
			)
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.find((r) => !r.ok)).toEqual({ ok: false, error: 'passAlreadyDecided' });
		const decisions = (await eventsOf(pass.ticketId)).filter((e) => e.type.startsWith('pass.'));
		expect(decisions).toHaveLength(1);
	});

	it('cannot be declined or closed through the ticket workflow while its pass waits', async () => {
		const { pass, ticket } = await filePass(database.db, input(), { now: NOW });
		const declined = await actOnTicket(
			database.db,
			{
				siteId,
				ticketId: ticket.id,
				action: 'decline',
				actor: { staffId: await staffIdOf(database, 'assistant'), role: 'assistant' },
				values: { ...NO_VALUES, reason: '重复提交' }
			},
			NOW
		);
		expect(declined).toEqual({ ok: false, error: 'actionPassFlow' });
		expect((await pendingPasses(database.db, siteId)).map((p) => p.id)).toContain(pass.id);
		expect((await ticketOf(ticket.id)).status).toBe('new');
	});

	it('does not approve a pass whose day is over, nor one that does not exist', async () => {
		const { pass } = await filePass(database.db, input(), { now: NOW });
		const tomorrow = new Date(NOW.getTime() + 24 * 60 * MINUTE);
		expect(
			await decidePass(
				database.db,
				{ siteId, passId: pass.id, decision: 'approve', actor: supervisor },
				tomorrow
			)
		).toEqual({ ok: false, error: 'passDateGone' });
		expect(
			await decidePass(
				database.db,
				{ siteId, passId: crypto.randomUUID(), decision: 'approve', actor: supervisor },
				NOW
			)
		).toEqual({ ok: false, error: 'passNotFound' });
	});
});

describe('the guard at the exit', () => {
	it('lets an approved pass out once on its date; the second use is refused', async () => {
		const pass = await approvedPass();
		const usedAt = new Date(NOW.getTime() + 60 * MINUTE);
		expect(
			await usePass(database.db, { siteId, passId: pass.id, actor: guard }, usedAt)
		).toMatchObject({ ok: true, code: pass.code });
		const ticket = await ticketOf(pass.ticketId);
		expect(ticket).toMatchObject({ status: 'closed', closedAt: usedAt, resolvedAt: usedAt });
		expect(await passByCode(database.db, siteId, pass.code)).toMatchObject({
			status: 'used',
			usedAt,
			usedBy: '赵强'
		});
		expect((await eventsOf(pass.ticketId)).map((e) => e.type)).toEqual([
			'ticket.filed',
			'pass.approved',
			'pass.used'
		]);

		expect(await usePass(database.db, { siteId, passId: pass.id, actor: guard }, usedAt)).toEqual({
			ok: false,
			error: 'passUsed'
		});
	});

	it('of two guards marking it at the same moment, one wins and the other is told it was used', async () => {
		const pass = await approvedPass();
		const results = await Promise.all(
			[1, 2, 3].map(() => usePass(database.db, { siteId, passId: pass.id, actor: guard }, NOW))
		);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok)).toEqual([
			{ ok: false, error: 'passUsed' },
			{ ok: false, error: 'passUsed' }
		]);
		const uses = (await eventsOf(pass.ticketId)).filter((e) => e.type === 'pass.used');
		expect(uses).toHaveLength(1);
	});

	it('refuses a pass on the wrong date, by the site’s calendar', async () => {
		const pass = await approvedPass('2026-11-23');
		expect(await usePass(database.db, { siteId, passId: pass.id, actor: guard }, NOW)).toEqual({
			ok: false,
			error: 'passNotYet'
		});
		// 16:30 UTC on the 22nd is already 00:30 on the 23rd in Shanghai: good now.
		const justAfterMidnight = new Date('2026-11-22T16:30:00Z');
		const late = await approvedPass();
		expect(
			await usePass(database.db, { siteId, passId: late.id, actor: guard }, justAfterMidnight)
		).toEqual({ ok: false, error: 'passExpired' });
		expect(
			await usePass(database.db, { siteId, passId: pass.id, actor: guard }, justAfterMidnight)
		).toMatchObject({ ok: true });
		expect((await ticketOf(late.ticketId)).status).toBe('in_progress');
	});

	it('refuses a pending or refused pass, and one it cannot find', async () => {
		const { pass: pending } = await filePass(database.db, input(), { now: NOW });
		expect(await usePass(database.db, { siteId, passId: pending.id, actor: guard }, NOW)).toEqual({
			ok: false,
			error: 'passPending'
		});
		await decidePass(
			database.db,
			{ siteId, passId: pending.id, decision: 'refuse', reason: '不符', actor: supervisor },
			NOW
		);
		expect(await usePass(database.db, { siteId, passId: pending.id, actor: guard }, NOW)).toEqual({
			ok: false,
			error: 'passRefused'
		});
		expect(
			await usePass(database.db, { siteId, passId: crypto.randomUUID(), actor: guard }, NOW)
		).toEqual({ ok: false, error: 'passNotFound' });
		const refusedTicket = await ticketOf(pending.ticketId);
		expect(refusedTicket.status).toBe('declined');
		const none = await database.db
			.select()
			.from(events)
			.where(and(eq(events.ticketId, pending.ticketId), eq(events.type, 'pass.used')));
		expect(none).toHaveLength(0);
	});
});
