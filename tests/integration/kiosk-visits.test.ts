import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visits } from '../../src/lib/server/db/schema/index.js';
import { createInvitation, useInvitation } from '../../src/lib/server/visitors/invitations.js';
import {
	kioskInvitation,
	kioskVisitView,
	visitUsedHere
} from '../../src/lib/server/visitors/kiosk-visit-view.js';
import { decideVisit } from '../../src/lib/server/visitors/visit-moves.js';
import {
	BLOCKED_ID,
	ID,
	kioskVisitors,
	MINUTE,
	NOW,
	type KioskVisitors
} from '../helpers/kiosk-visitors.js';

// What the kiosk shows of a visit and to whom, and the invitation code at the kiosk.

let f: KioskVisitors;
let siteId: string;
let kioskId: string;
let otherKioskId: string;
let supervisor: string;
beforeAll(async () => {
	f = await kioskVisitors();
	({ siteId, kioskId, otherKioskId, supervisor } = f);
});
afterAll(() => f.database.dispose());

const view = (visitId: string, now = NOW, kiosk?: string) =>
	kioskVisitView(f.database.db, { siteId, kioskId: kiosk ?? kioskId, visitId }, now);

describe('the kiosk’s view of a visit', () => {
	it('waits on the kiosk that registered it, that day only, and nowhere else', async () => {
		const visit = await f.register(1);
		const shown = await view(visit.id, new Date(NOW.getTime() + MINUTE));
		expect(shown).toMatchObject({
			status: 'waiting_host',
			outcome: 'visitorOutcomeWaiting',
			changesInMs: 2 * MINUTE,
			pass: null
		});
		expect(await view(visit.id, NOW, otherKioskId)).toBeNull();
		expect(await view('not-a-visit')).toBeNull();
		expect(await view(crypto.randomUUID())).toBeNull();
		// 00:00 the next day in Shanghai.
		expect(await view(visit.id, new Date('2026-11-22T16:00:00Z'))).toBeNull();
	});

	it('shows the pass once approved: number, masked name, the home, until the day’s last minute', async () => {
		const visit = await f.register(2, { name: '诸葛亮', party: '3' });
		await decideVisit(
			f.database.db,
			{ siteId, visitId: visit.id, decision: 'approve', by: { kind: 'desk', staffId: supervisor } },
			NOW
		);
		const shown = await view(visit.id);
		expect(shown?.status).toBe('approved');
		expect(shown?.pass).toMatchObject({
			number: expect.stringMatching(/^V-20261122-\d{3}$/),
			maskedName: '诸**',
			party: 3,
			validUntil: new Date('2026-11-22T15:59:00Z')
		});
		expect(JSON.stringify(shown)).not.toContain('诸葛亮');
		expect(JSON.stringify(shown)).not.toContain('13900001111');
	});

	it('masks a blocked visitor as waiting until the host’s time is up, then sends them to the desk', async () => {
		const visit = await f.register(3, { name: '曹操', idNumber: BLOCKED_ID });
		expect(visit.status).toBe('at_desk');
		const early = await view(visit.id, new Date(NOW.getTime() + MINUTE));
		expect(early).toMatchObject({ status: 'waiting_host', outcome: 'visitorOutcomeWaiting' });
		expect(JSON.stringify(early)).not.toContain('blocked');
		const late = await view(visit.id, new Date(NOW.getTime() + 3 * MINUTE));
		expect(late).toMatchObject({
			status: 'at_desk',
			outcome: 'visitorOutcomeAskDesk',
			changesInMs: null
		});
	});
});

describe('an invitation code at the kiosk', () => {
	const invite = (home: number, visitDate: string, name = '关羽') =>
		createInvitation(
			f.database.db,
			{
				siteId,
				unitId: f.homes[home]?.unitId ?? '',
				visitDate,
				name,
				party: 2,
				purpose: 'visit_family',
				by: { kind: 'desk', staffId: supervisor }
			},
			{ now: new Date(NOW.getTime() - 2 * 24 * 60 * MINUTE) }
		);
	const person = (idNumber = ID) => {
		const { name, phone, idType, idLast4, ...rest } = f.entry(0, { name: '关羽', idNumber });
		return { name, phone, idType, idNumber: rest.idNumber, idLast4 };
	};

	it('is read before the guest’s details, then turns into an approved visit with its pass', async () => {
		const made = await invite(7, '2026-11-22');
		if (!made.ok) throw new Error(made.error);
		const code = made.visit.inviteCode ?? '';
		expect(await kioskInvitation(f.database.db, siteId, code.toLowerCase(), NOW)).toEqual({
			ok: true,
			code,
			name: '关羽',
			party: 2
		});
		const used = await useInvitation(
			f.database.db,
			{ siteId, kioskId, code, person: person() },
			NOW
		);
		if (!used.ok) throw new Error(used.error);
		expect(used.visit).toMatchObject({ status: 'approved', kioskId, idLast4: '002X' });
		const shown = await view(used.visit.id);
		expect(shown?.pass?.number).toBe(used.visit.passNumber);
		expect(shown?.pass?.maskedName).toBe('关*');
		// A second use, at the kiosk or by peeking, is refused.
		expect(await kioskInvitation(f.database.db, siteId, code, NOW)).toEqual({
			ok: false,
			error: 'visitorInviteUsed'
		});
		expect(
			await useInvitation(f.database.db, { siteId, kioskId, code, person: person() }, NOW)
		).toEqual({ ok: false, error: 'visitorInviteUsed' });
		// The same guest's double tap finds their own pass; someone else who knows the code does not.
		const here = { siteId, kioskId, code };
		expect(await visitUsedHere(f.database.db, { ...here, person: person() })).toBe(used.visit.id);
		const stranger = { ...person(), phone: '13800000000' };
		expect(await visitUsedHere(f.database.db, { ...here, person: stranger })).toBeNull();
		expect(
			await visitUsedHere(f.database.db, { ...here, kioskId: otherKioskId, person: person() })
		).toBeNull();
	});

	it('refuses a code on another day, an unknown one and a malformed one', async () => {
		const tomorrow = await invite(8, '2026-11-23');
		const yesterday = await invite(8, '2026-11-21');
		if (!tomorrow.ok || !yesterday.ok) throw new Error('not invited');
		const peek = (code: string) => kioskInvitation(f.database.db, siteId, code, NOW);
		expect(await peek(tomorrow.visit.inviteCode ?? '')).toEqual({
			ok: false,
			error: 'visitorInviteNotYet'
		});
		expect(await peek(yesterday.visit.inviteCode ?? '')).toEqual({
			ok: false,
			error: 'visitorInviteExpired'
		});
		expect(await peek('ZZZZZZ')).toEqual({ ok: false, error: 'visitorInviteInvalid' });
		expect(await peek('ABC')).toEqual({ ok: false, error: 'visitorInviteCodeFormat' });
		expect(await peek('  ')).toEqual({ ok: false, error: 'visitorInviteCodeRequired' });
	});

	it('sends a blocked guest to the desk at once, as an invited guest is let in at once', async () => {
		const made = await invite(9, '2026-11-22', '曹操');
		if (!made.ok) throw new Error(made.error);
		const used = await useInvitation(
			f.database.db,
			{ siteId, kioskId, code: made.visit.inviteCode ?? '', person: person(BLOCKED_ID) },
			NOW
		);
		if (!used.ok) throw new Error(used.error);
		expect(used.visit).toMatchObject({ status: 'at_desk', passNumber: null });
		// A wait no other invited guest has would tell them; "see the desk" at once tells nothing.
		expect((await view(used.visit.id, NOW))?.status).toBe('at_desk');
		const [row] = await f.database.db.select().from(visits).where(eq(visits.id, used.visit.id));
		expect(JSON.stringify(row)).not.toContain(BLOCKED_ID);
	});
});
