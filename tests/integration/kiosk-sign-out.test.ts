import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passScanText } from '../../src/lib/domain/visitors/visitor-pass.js';
import { visits } from '../../src/lib/server/db/schema/index.js';
import { visitByPass } from '../../src/lib/server/visitors/desk-views.js';
import { createInvitation, useInvitation } from '../../src/lib/server/visitors/invitations.js';
import { signOutAtKiosk } from '../../src/lib/server/visitors/kiosk-sign-out.js';
import { kioskVisitView } from '../../src/lib/server/visitors/kiosk-visit-view.js';
import { decideVisit, signOutVisit } from '../../src/lib/server/visitors/visit-moves.js';
import { kioskVisitors, NOW, type KioskVisitors } from '../helpers/kiosk-visitors.js';

// Sign-out at the kiosk takes the pass's check code as well as its number: numbers run in
// sequence, and anyone may stand at the kiosk.

let f: KioskVisitors;
beforeAll(async () => {
	f = await kioskVisitors();
});
afterAll(() => f.database.dispose());

async function approvedPass(home: number) {
	const visit = await f.register(home);
	const answer = await decideVisit(
		f.database.db,
		{
			siteId: f.siteId,
			visitId: visit.id,
			decision: 'approve',
			by: { kind: 'desk', staffId: f.supervisor }
		},
		NOW
	);
	if (!answer.ok || !answer.visit.passNumber || !answer.visit.passCheck) throw new Error('no pass');
	return { id: visit.id, number: answer.visit.passNumber, check: answer.visit.passCheck };
}

const status = async (id: string) =>
	(await f.database.db.select({ s: visits.status }).from(visits).where(eq(visits.id, id)))[0]?.s;

const atKiosk = (pass: string, check = '', kioskId = f.kioskId) =>
	signOutAtKiosk(f.database.db, { siteId: f.siteId, kioskId, pass, check }, NOW);

describe('signing out at the kiosk', () => {
	it('asks for the code beside the number, and a wrong code signs nobody out', async () => {
		const pass = await approvedPass(1);
		expect(await atKiosk(pass.number)).toEqual({
			ok: false,
			field: 'check',
			error: 'kioskVisitPassCheckRequired'
		});
		const wrong = pass.check === 'AAAA' ? 'BBBB' : 'AAAA';
		expect(await atKiosk(pass.number, wrong)).toEqual({
			ok: false,
			field: 'pass',
			error: 'kioskVisitPassNoMatch'
		});
		expect(await status(pass.id)).toBe('approved');
		// Typed from the paper in lower case, with a space: the visitor is out.
		const typed = `${pass.check.slice(0, 2)} ${pass.check.slice(2)}`.toLowerCase();
		expect(await atKiosk(pass.number.toLowerCase(), typed)).toEqual({
			ok: true,
			passNumber: pass.number
		});
		expect(await status(pass.id)).toBe('signed_out');
		expect(await atKiosk(pass.number, pass.check)).toEqual({
			ok: false,
			field: 'pass',
			error: 'kioskVisitPassClosed'
		});
	});

	it('takes the QR code as scanned: number and code in one', async () => {
		const pass = await approvedPass(2);
		const shown = await kioskVisitView(
			f.database.db,
			{
				siteId: f.siteId,
				kioskId: f.kioskId,
				visitId: pass.id
			},
			NOW
		);
		expect(shown?.pass?.check).toBe(pass.check);
		// The guard's scanner reads the same QR code: the number is enough for them.
		const site = { id: f.siteId, timeZone: 'Asia/Shanghai', settings: null };
		const checked = await visitByPass(
			f.database.db,
			site,
			passScanText(pass.number, pass.check),
			NOW
		);
		expect(checked?.passNumber).toBe(pass.number);
		expect(await atKiosk(passScanText(pass.number, pass.check), 'ignored')).toEqual({
			ok: true,
			passNumber: pass.number
		});
		// Scanned into the code's field instead: the same.
		const other = await approvedPass(6);
		expect(await atKiosk('', passScanText(other.number, other.check))).toEqual({
			ok: true,
			passNumber: other.number
		});
	});

	it('reads an unknown number like a wrong code, and says so for a malformed one', async () => {
		expect(await atKiosk('V-20261122-999', 'K7M3')).toMatchObject({
			error: 'kioskVisitPassNoMatch'
		});
		expect(await atKiosk('V-20261122-000', 'K7M3')).toMatchObject({
			field: 'pass',
			error: 'kioskVisitPassUnknown'
		});
		expect(await atKiosk('not a pass', 'K7M3')).toMatchObject({
			field: 'pass',
			error: 'kioskVisitPassUnknown'
		});
		expect(await atKiosk('  ')).toMatchObject({ field: 'pass', error: 'kioskVisitPassRequired' });
	});

	it('stops a kiosk that misses ten times; the guard and the other kiosk still sign out', async () => {
		const pass = await approvedPass(3);
		const wrong = pass.check === 'AAAA' ? 'BBBB' : 'AAAA';
		const kiosk = f.otherKioskId;
		for (let i = 0; i < 10; i++) await atKiosk(pass.number, wrong, kiosk);
		expect(await atKiosk(pass.number, pass.check, kiosk)).toMatchObject({
			error: 'kioskVisitSignOutLocked'
		});
		const other = await approvedPass(4);
		expect((await atKiosk(other.number, other.check)).ok).toBe(true);
		const guard = await signOutVisit(
			f.database.db,
			{ siteId: f.siteId, pass: pass.number, actor: { kind: 'staff', staffId: f.supervisor } },
			NOW
		);
		expect(guard.ok).toBe(true);
	});

	it('gives an invited guest’s pass a code too', async () => {
		const invite = await createInvitation(
			f.database.db,
			{
				siteId: f.siteId,
				unitId: f.homes[5]?.unitId ?? '',
				visitDate: '2026-11-22',
				name: '孙权',
				party: 1,
				purpose: 'visit_family',
				by: { kind: 'desk', staffId: f.supervisor }
			},
			{ now: NOW }
		);
		if (!invite.ok) throw new Error(JSON.stringify(invite));
		const used = await useInvitation(
			f.database.db,
			{
				siteId: f.siteId,
				kioskId: f.kioskId,
				code: invite.visit.inviteCode ?? '',
				person: f.entry(5)
			},
			NOW
		);
		if (!used.ok) throw new Error(used.error);
		expect(used.visit.passCheck).toMatch(/^[2-9A-HJKMNP-Z]{4}$/);
	});
});
