import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkVisitorForm, type VisitorEntry } from '../../src/lib/domain/visitors/visitor-form.js';
import {
	events,
	households,
	visitorProfiles,
	visits
} from '../../src/lib/server/db/schema/index.js';
import { demoResidents } from '../../src/lib/server/demo-seed.js';
import { registerDevice } from '../../src/lib/server/devices.js';
import { kioskUnits } from '../../src/lib/server/kiosk.js';
import { siteToday } from '../../src/lib/server/clocks/site-today.js';
import { loadMessages } from '../../src/lib/server/realtime/projections.js';
import { defaultSite } from '../../src/lib/server/sites.js';
import { addBlock } from '../../src/lib/server/visitors/blocks.js';
import { idHash } from '../../src/lib/server/visitors/id-hash.js';
import { createInvitation, useInvitation } from '../../src/lib/server/visitors/invitations.js';
import { registerVisit } from '../../src/lib/server/visitors/register-visit.js';
import { decideVisit, signOutVisit } from '../../src/lib/server/visitors/visit-moves.js';
import { createDemoDatabase, staffIdOf, type TestDatabase } from '../helpers/test-database.js';

// A visitor from the kiosk to the host's answer and the pass: what is stored, what the stream
// carries, who may decide. 10:00 in Shanghai on 22 November 2026.

let database: TestDatabase;
let siteId: string;
let kioskId: string;
let supervisor: string;
const homes: { unitId: string; surname: string }[] = [];

const NOW = new Date('2026-11-22T02:00:00Z');
const ID = '11010519491231002X';

beforeAll(async () => {
	database = await createDemoDatabase();
	siteId = (await defaultSite(database.db))?.id ?? '';
	kioskId = (
		await registerDevice(database.db, {
			siteId,
			kind: 'kiosk',
			audience: 'lobby',
			name: 'lobby kiosk',
			actor: { kind: 'system' }
		})
	).device.id;
	supervisor = await staffIdOf(database, 'supervisor');
	const units = await kioskUnits(database.db, siteId);
	const people = demoResidents(units.length);
	for (let i = 0; i < units.length; i++) {
		homes.push({ unitId: units[i]?.id ?? '', surname: [...(people[i]?.[0]?.name ?? '')][0] ?? '' });
	}
});

afterAll(() => database.dispose());

function entry(home: number, overrides: Partial<Record<string, string>> = {}): VisitorEntry {
	const checked = checkVisitorForm({
		name: '刘备',
		phone: '13900001111',
		idType: 'resident_id',
		idNumber: ID,
		unitId: homes[home]?.unitId ?? '',
		hostSurname: homes[home]?.surname ?? '',
		purpose: 'visit_family',
		purposeText: '',
		party: '2',
		remember: true,
		...overrides
	});
	if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
	return checked.visitor;
}

const register = (home: number, key = crypto.randomUUID(), overrides = {}, now = NOW) =>
	registerVisit(
		database.db,
		{ siteId, kioskId, entry: entry(home, overrides), idempotencyKey: key },
		now
	);

describe('registering at the kiosk', () => {
	it('waits for the host, keeps only the last 4 of the document readable and names the household to ask', async () => {
		const result = await register(1);
		if (!result.ok) throw new Error('refused');
		expect(result.visit.status).toBe('waiting_host');
		expect(result.visit.idLast4).toBe('002X');
		expect(JSON.stringify(result.visit)).not.toContain(ID);
		expect(result.visit.idHash).toBe(await idHash(database.db, 'resident_id', ID));
		expect(result.ask?.phones).toContain(demoResidents(2)[1]?.[0]?.phone);
	});

	it('files one visit for a double tap, even when both arrive together', async () => {
		const key = crypto.randomUUID();
		const [a, b] = await Promise.all([register(2, key), register(2, key)]);
		expect(a.ok && b.ok && a.visit.id === b.visit.id).toBe(true);
		const rows = await database.db.select().from(visits).where(eq(visits.idempotencyKey, key));
		expect(rows).toHaveLength(1);
	});

	it('says only that nobody of that surname lives there, and stops answering after five tries', async () => {
		const wrong = { hostSurname: '欧阳' };
		const first = await register(3, undefined, wrong);
		expect(first).toEqual({ ok: false, errors: { hostSurname: 'visitorHostNoMatch' } });
		for (let i = 0; i < 4; i++) await register(3, undefined, wrong);
		// Even the right surname is refused while the home is locked.
		expect(await register(3)).toEqual({ ok: false, errors: { hostSurname: 'visitorHostLocked' } });
	});

	it('remembers a visitor only with consent, and forgets one who withdraws it', async () => {
		await register(4, undefined, { phone: '13900002222' });
		const kept = await database.db
			.select()
			.from(visitorProfiles)
			.where(eq(visitorProfiles.phone, '13900002222'));
		expect(kept).toHaveLength(1);
		expect(JSON.stringify(kept)).not.toContain(ID);
		await register(4, undefined, { phone: '13900002222', remember: undefined });
		const after = await database.db
			.select()
			.from(visitorProfiles)
			.where(eq(visitorProfiles.phone, '13900002222'));
		expect(after).toHaveLength(0);
	});

	it('sends a blocked visitor to the desk and asks no host', async () => {
		await addBlock(database.db, {
			siteId,
			block: {
				name: '曹操',
				phone: null,
				idType: 'resident_id',
				idLast4: '4477',
				idHash: await idHash(database.db, 'resident_id', '110101199003074477'),
				reason: '多次滋扰'
			},
			actor: { kind: 'staff', staffId: supervisor }
		});
		const result = await register(5, undefined, { name: '曹操', idNumber: '110101199003074477' });
		if (!result.ok) throw new Error('refused');
		expect(result.visit).toMatchObject({ status: 'at_desk', atDeskReason: 'visitor_blocked' });
		expect(result.ask).toBeNull();
	});
});

describe('the block list', () => {
	it('still finds a blocked visitor who calls their resident ID a passport', async () => {
		const result = await register(19, undefined, {
			idType: 'passport',
			idNumber: '110101199003074477'
		});
		expect(result.ok && result.visit.atDeskReason).toBe('visitor_blocked');
	});
});

describe('an invitation', () => {
	it('is no consent once the household that gave it has moved out', async () => {
		const desk = { kind: 'desk' as const, staffId: supervisor };
		const made = await createInvitation(
			database.db,
			{
				siteId,
				unitId: homes[20]?.unitId ?? '',
				visitDate: '2026-11-22',
				name: '关羽',
				party: 1,
				purpose: 'visit_family',
				by: desk
			},
			{ now: NOW }
		);
		if (!made.ok) throw new Error(made.error);
		await database.db
			.update(households)
			.set({ movedOutOn: '2026-11-22' })
			.where(eq(households.id, made.visit.householdId ?? ''));
		const person = { name: '关羽', phone: '13900006666', idType: 'resident_id' as const };
		const used = await useInvitation(
			database.db,
			{
				siteId,
				kioskId,
				code: made.visit.inviteCode ?? '',
				person: { ...person, idNumber: '110101199003077897', idLast4: '7897' }
			},
			NOW
		);
		expect(used).toEqual({ ok: false, error: 'visitorInviteInvalid' });
	});
});

describe('the host’s answer', () => {
	it('approves once with a pass numbered by the site’s day; a second answer is refused', async () => {
		const result = await register(6);
		if (!result.ok) throw new Error('refused');
		const household = result.visit.householdId ?? '';
		const host = { kind: 'host' as const, householdId: household, residentId: null };
		const other = { kind: 'host' as const, householdId: crypto.randomUUID(), residentId: null };
		const visitId = result.visit.id;
		expect(
			await decideVisit(database.db, { siteId, visitId, decision: 'approve', by: other })
		).toEqual({
			ok: false,
			error: 'visitNotFound'
		});
		const approved = await decideVisit(
			database.db,
			{ siteId, visitId, decision: 'approve', by: host },
			NOW
		);
		expect(approved.ok && approved.visit.passNumber).toMatch(/^V-20261122-\d{3}$/);
		const desk = { kind: 'desk' as const, staffId: supervisor };
		expect(
			await decideVisit(database.db, { siteId, visitId, decision: 'refuse', by: desk })
		).toEqual({
			ok: false,
			error: 'visitAlreadyDecided'
		});
	});

	it('never lets a host admit a visitor the block list sent to the desk', async () => {
		const result = await register(7, undefined, { idNumber: '110101199003074477' });
		if (!result.ok) throw new Error('refused');
		const by = {
			kind: 'host' as const,
			householdId: result.visit.householdId ?? '',
			residentId: null
		};
		const answer = await decideVisit(database.db, {
			siteId,
			visitId: result.visit.id,
			decision: 'approve',
			by
		});
		expect(answer).toEqual({ ok: false, error: 'visitAlreadyDecided' });
	});

	it('signs out once: the second scan of the pass hears it is closed', async () => {
		const result = await register(8);
		if (!result.ok) throw new Error('refused');
		const desk = { kind: 'desk' as const, staffId: supervisor };
		const approved = await decideVisit(database.db, {
			siteId,
			visitId: result.visit.id,
			decision: 'approve',
			by: desk
		});
		const pass = approved.ok ? (approved.visit.passNumber ?? '') : '';
		const kiosk = { kind: 'device' as const, deviceId: kioskId };
		const [a, b] = await Promise.all([
			signOutVisit(database.db, { siteId, pass: pass.toLowerCase(), actor: kiosk }),
			signOutVisit(database.db, { siteId, pass, actor: kiosk })
		]);
		expect([a.ok, b.ok].sort()).toEqual([false, true]);
		expect([a, b].find((r) => !r.ok)).toEqual({ ok: false, error: 'visitPassClosed' });
		expect(
			await signOutVisit(database.db, { siteId, pass: 'V-20991231-999', actor: kiosk })
		).toEqual({ ok: false, error: 'visitPassUnknown' });
		expect(await signOutVisit(database.db, { siteId, visitId: 'x', actor: kiosk })).toEqual({
			ok: false,
			error: 'visitPassUnknown'
		});
	});
});

describe('what leaves the server', () => {
	it('every event and every stream message of a visit carries its id, never the person', async () => {
		const result = await register(9, undefined, { name: '诸葛亮', phone: '13900003333' });
		if (!result.ok) throw new Error('refused');
		const rows = await database.db
			.select()
			.from(events)
			.where(and(eq(events.siteId, siteId), eq(events.type, 'visit.registered')));
		const text = JSON.stringify(rows);
		for (const personal of ['诸葛亮', '13900003333', ID, '002X'])
			expect(text).not.toContain(personal);
		const messages = await loadMessages(database.db, siteId, 0, 500);
		const mine = messages.filter((m) => m.public.visit === result.visit.id);
		expect(mine.length).toBeGreaterThan(0);
		const wire = JSON.stringify(mine.map((m) => [m.public, m.staff_room, m.staff]));
		for (const personal of ['诸葛亮', '13900003333', ID]) expect(wire).not.toContain(personal);
	});

	it('the wall’s figures count people waiting and people inside', async () => {
		const before = await siteToday(database.db, siteId, NOW);
		const result = await register(10, undefined, { party: '3' });
		if (!result.ok) throw new Error('refused');
		const waiting = await siteToday(database.db, siteId, NOW);
		expect(waiting.visitorsWaiting - before.visitorsWaiting).toBe(3);
		await decideVisit(database.db, {
			siteId,
			visitId: result.visit.id,
			decision: 'approve',
			by: { kind: 'desk', staffId: supervisor }
		});
		const inside = await siteToday(database.db, siteId, NOW);
		expect(inside.visitorsWaiting).toBe(before.visitorsWaiting);
		expect(inside.visitorsOnSite - before.visitorsOnSite).toBe(3);
	});
});
