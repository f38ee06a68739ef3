import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_VALUES } from '../../src/lib/domain/ticket-action-input.js';
import { releasePasses, tickets } from '../../src/lib/server/db/schema/index.js';
import {
	decidedPasses,
	kioskReceipt,
	passByCode,
	pendingPasses
} from '../../src/lib/server/release-pass-views.js';
import { decidePass, filePass } from '../../src/lib/server/release-passes.js';
import { actOnTicket } from '../../src/lib/server/ticket-workflow.js';
import { MINUTE, NOW, passDesk, TODAY, type PassDesk } from '../helpers/release-passes.js';
import { createDemoDatabase, staffIdOf, type TestDatabase } from '../helpers/test-database.js';

// The item-release pass from the kiosk to the supervisor: filed once, decided once. The guard's
// side is in release-pass-gate.test.ts, the day's end in release-pass-expiry.test.ts. Times are
// fixed: 10:00 in Shanghai on 22 November 2026.

let database: TestDatabase;
let desk: PassDesk;

beforeAll(async () => {
	database = await createDemoDatabase();
	desk = await passDesk(database);
});
afterAll(() => database.dispose());

describe('filing a pass at the kiosk', () => {
	it('files a release_pass ticket on the kiosk channel and a pending pass with a short code', async () => {
		const { ticket, pass } = await filePass(database.db, desk.input(), { now: NOW });
		expect(ticket).toMatchObject({
			type: 'release_pass',
			category: 'moving_out',
			channel: 'kiosk',
			status: 'new',
			unitId: desk.unitId,
			reporterResidentId: desk.residentId,
			createdByDeviceId: desk.kioskId,
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
		expect((await desk.eventsOf(ticket.id)).map((e) => e.type)).toEqual(['ticket.filed']);
	});

	it('files one pass for a submission sent twice, one after the other or both at once', async () => {
		const again = desk.input();
		const first = await filePass(database.db, again, { now: NOW });
		const second = await filePass(database.db, again, { now: NOW });
		expect(second.pass.id).toBe(first.pass.id);

		const together = desk.input();
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
		const taken = await filePass(database.db, desk.input(), { now: NOW, newCode: () => 'TAKEN2' });
		expect(taken.pass.code).toBe('TAKEN2');
		const draws = ['TAKEN2', 'TAKEN2', 'FRESH3'];
		const next = await filePass(database.db, desk.input(), {
			now: NOW,
			newCode: () => draws.shift() ?? 'NEVER4'
		});
		expect(next.pass.code).toBe('FRESH3');
	});

	it('shows the receipt only on the kiosk that filed it, and only for 15 minutes', async () => {
		const { pass, ticket } = await filePass(database.db, desk.input(), { now: NOW });
		const ask = (deviceId: string, at: Date) =>
			kioskReceipt(database.db, { siteId: desk.siteId, deviceId, passId: pass.id }, at);
		expect(await ask(desk.kioskId, new Date(NOW.getTime() + 14 * MINUTE))).toEqual({
			code: pass.code,
			serial: ticket.serial,
			category: 'moving_out',
			status: 'pending',
			carryOn: TODAY,
			items: pass.items
		});
		expect(await ask(desk.otherKioskId, NOW)).toBeNull();
		expect(await ask(desk.kioskId, new Date(NOW.getTime() + 16 * MINUTE))).toBeNull();
	});
});

describe('the duty supervisor decides', () => {
	it('approves: the pass is approved, the ticket in progress with a new version, an event', async () => {
		const { pass, ticket } = await filePass(database.db, desk.input(), { now: NOW });
		expect((await pendingPasses(database.db, desk.siteId)).map((p) => p.id)).toContain(pass.id);
		const decidedAt = new Date(NOW.getTime() + 5 * MINUTE);
		expect(
			await decidePass(
				database.db,
				{ siteId: desk.siteId, passId: pass.id, decision: 'approve', actor: desk.supervisor },
				decidedAt
			)
		).toMatchObject({ ok: true });
		const after = await desk.ticketOf(ticket.id);
		expect(after).toMatchObject({ status: 'in_progress', version: ticket.version + 1 });
		expect(after.updatedAt).toEqual(decidedAt);
		expect(after.acceptedAt).toEqual(decidedAt);
		const seen = await passByCode(database.db, desk.siteId, pass.code);
		expect(seen).toMatchObject({ status: 'approved', decidedBy: '陈丽' });
		expect((await desk.eventsOf(ticket.id)).at(-1)).toMatchObject({
			type: 'pass.approved',
			actorStaffId: desk.supervisor.staffId
		});
		expect((await pendingPasses(database.db, desk.siteId)).map((p) => p.id)).not.toContain(pass.id);
		expect((await decidedPasses(database.db, desk.siteId)).map((p) => p.id)).toContain(pass.id);
	});

	it('refuses with the reason on record; the ticket is declined', async () => {
		const { pass, ticket } = await filePass(database.db, desk.input(), { now: NOW });
		expect(
			await decidePass(
				database.db,
				{
					siteId: desk.siteId,
					passId: pass.id,
					decision: 'refuse',
					reason: ' 物品清单不全 ',
					actor: desk.director
				},
				NOW
			)
		).toMatchObject({ ok: true });
		expect((await desk.ticketOf(ticket.id)).status).toBe('declined');
		expect(await passByCode(database.db, desk.siteId, pass.code)).toMatchObject({
			status: 'refused',
			refusalReason: '物品清单不全'
		});
		expect((await desk.eventsOf(ticket.id)).at(-1)).toMatchObject({
			type: 'pass.refused',
			reason: '物品清单不全'
		});
	});

	it('decides once: of two supervisors at once one wins, the other is told', async () => {
		const { pass } = await filePass(database.db, desk.input(), { now: NOW });
		const results = await Promise.all([
			decidePass(
				database.db,
				{ siteId: desk.siteId, passId: pass.id, decision: 'approve', actor: desk.supervisor },
				NOW
			),
			decidePass(
				database.db,
				{
					siteId: desk.siteId,
					passId: pass.id,
					decision: 'refuse',
					reason: '不符',
					actor: desk.director
				},
				NOW
			)
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.find((r) => !r.ok)).toEqual({ ok: false, error: 'passAlreadyDecided' });
		const decisions = (await desk.eventsOf(pass.ticketId)).filter((e) =>
			e.type.startsWith('pass.')
		);
		expect(decisions).toHaveLength(1);
	});

	it('cannot be declined or closed through the ticket workflow while its pass waits', async () => {
		const { pass, ticket } = await filePass(database.db, desk.input(), { now: NOW });
		const declined = await actOnTicket(
			database.db,
			{
				siteId: desk.siteId,
				ticketId: ticket.id,
				action: 'decline',
				actor: { staffId: await staffIdOf(database, 'assistant'), role: 'assistant' },
				values: { ...NO_VALUES, reason: '重复提交' }
			},
			NOW
		);
		expect(declined).toEqual({ ok: false, error: 'actionPassFlow' });
		expect((await pendingPasses(database.db, desk.siteId)).map((p) => p.id)).toContain(pass.id);
		expect((await desk.ticketOf(ticket.id)).status).toBe('new');
	});

	it('does not approve a pass whose day is over, nor one that does not exist', async () => {
		const { pass } = await filePass(database.db, desk.input(), { now: NOW });
		const tomorrow = new Date(NOW.getTime() + 24 * 60 * MINUTE);
		expect(
			await decidePass(
				database.db,
				{ siteId: desk.siteId, passId: pass.id, decision: 'approve', actor: desk.supervisor },
				tomorrow
			)
		).toEqual({ ok: false, error: 'passDateGone' });
		expect(
			await decidePass(
				database.db,
				{
					siteId: desk.siteId,
					passId: crypto.randomUUID(),
					decision: 'approve',
					actor: desk.supervisor
				},
				NOW
			)
		).toEqual({ ok: false, error: 'passNotFound' });
	});
});
