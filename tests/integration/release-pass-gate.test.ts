import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events } from '../../src/lib/server/db/schema/index.js';
import { passByCode } from '../../src/lib/server/release-pass-views.js';
import { decidePass, filePass, usePass } from '../../src/lib/server/release-passes.js';
import { MINUTE, NOW, passDesk, type PassDesk } from '../helpers/release-passes.js';
import { createDemoDatabase, type TestDatabase } from '../helpers/test-database.js';

// The item-release pass at the gate: an approved pass goes out once, on its date by the site's
// calendar. Times are fixed: 10:00 in Shanghai on 22 November 2026.

let database: TestDatabase;
let desk: PassDesk;

beforeAll(async () => {
	database = await createDemoDatabase();
	desk = await passDesk(database);
});
afterAll(() => database.dispose());

describe('the guard at the exit', () => {
	it('lets an approved pass out once on its date; the second use is refused', async () => {
		const pass = await desk.approvedPass();
		const usedAt = new Date(NOW.getTime() + 60 * MINUTE);
		expect(
			await usePass(
				database.db,
				{ siteId: desk.siteId, passId: pass.id, actor: desk.guard },
				usedAt
			)
		).toMatchObject({ ok: true, code: pass.code });
		const ticket = await desk.ticketOf(pass.ticketId);
		expect(ticket).toMatchObject({ status: 'closed', closedAt: usedAt, resolvedAt: usedAt });
		expect(await passByCode(database.db, desk.siteId, pass.code)).toMatchObject({
			status: 'used',
			usedAt,
			usedBy: '赵强'
		});
		expect((await desk.eventsOf(pass.ticketId)).map((e) => e.type)).toEqual([
			'ticket.filed',
			'pass.approved',
			'pass.used'
		]);

		expect(
			await usePass(
				database.db,
				{ siteId: desk.siteId, passId: pass.id, actor: desk.guard },
				usedAt
			)
		).toEqual({
			ok: false,
			error: 'passUsed'
		});
	});

	it('of two guards marking it at the same moment, one wins and the other is told it was used', async () => {
		const pass = await desk.approvedPass();
		const results = await Promise.all(
			[1, 2, 3].map(() =>
				usePass(database.db, { siteId: desk.siteId, passId: pass.id, actor: desk.guard }, NOW)
			)
		);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok)).toEqual([
			{ ok: false, error: 'passUsed' },
			{ ok: false, error: 'passUsed' }
		]);
		const uses = (await desk.eventsOf(pass.ticketId)).filter((e) => e.type === 'pass.used');
		expect(uses).toHaveLength(1);
	});

	it('refuses a pass on the wrong date, by the site’s calendar', async () => {
		const pass = await desk.approvedPass('2026-11-23');
		expect(
			await usePass(database.db, { siteId: desk.siteId, passId: pass.id, actor: desk.guard }, NOW)
		).toEqual({
			ok: false,
			error: 'passNotYet'
		});
		// 16:30 UTC on the 22nd is already 00:30 on the 23rd in Shanghai: good now.
		const justAfterMidnight = new Date('2026-11-22T16:30:00Z');
		const late = await desk.approvedPass();
		expect(
			await usePass(
				database.db,
				{ siteId: desk.siteId, passId: late.id, actor: desk.guard },
				justAfterMidnight
			)
		).toEqual({ ok: false, error: 'passExpired' });
		expect(
			await usePass(
				database.db,
				{ siteId: desk.siteId, passId: pass.id, actor: desk.guard },
				justAfterMidnight
			)
		).toMatchObject({ ok: true });
		expect((await desk.ticketOf(late.ticketId)).status).toBe('in_progress');
	});

	it('refuses a pending or refused pass, and one it cannot find', async () => {
		const { pass: pending } = await filePass(database.db, desk.input(), { now: NOW });
		expect(
			await usePass(
				database.db,
				{ siteId: desk.siteId, passId: pending.id, actor: desk.guard },
				NOW
			)
		).toEqual({
			ok: false,
			error: 'passPending'
		});
		await decidePass(
			database.db,
			{
				siteId: desk.siteId,
				passId: pending.id,
				decision: 'refuse',
				reason: '不符',
				actor: desk.supervisor
			},
			NOW
		);
		expect(
			await usePass(
				database.db,
				{ siteId: desk.siteId, passId: pending.id, actor: desk.guard },
				NOW
			)
		).toEqual({
			ok: false,
			error: 'passRefused'
		});
		expect(
			await usePass(
				database.db,
				{ siteId: desk.siteId, passId: crypto.randomUUID(), actor: desk.guard },
				NOW
			)
		).toEqual({ ok: false, error: 'passNotFound' });
		const refusedTicket = await desk.ticketOf(pending.ticketId);
		expect(refusedTicket.status).toBe('declined');
		const none = await database.db
			.select()
			.from(events)
			.where(and(eq(events.ticketId, pending.ticketId), eq(events.type, 'pass.used')));
		expect(none).toHaveLength(0);
	});
});
