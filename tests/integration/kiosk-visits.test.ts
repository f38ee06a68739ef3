import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkVisitorForm, type VisitorEntry } from '../../src/lib/domain/visitors/visitor-form.js';
import { visitorProfiles, visits } from '../../src/lib/server/db/schema/index.js';
import { demoResidents } from '../../src/lib/server/demo-seed.js';
import { registerDevice } from '../../src/lib/server/devices.js';
import { kioskUnits } from '../../src/lib/server/kiosk.js';
import { defaultSite } from '../../src/lib/server/sites.js';
import { addBlock } from '../../src/lib/server/visitors/blocks.js';
import { idHash } from '../../src/lib/server/visitors/id-hash.js';
import { createInvitation, useInvitation } from '../../src/lib/server/visitors/invitations.js';
import { kioskInvitation, kioskVisitView } from '../../src/lib/server/visitors/kiosk-visit-view.js';
import { registerVisit } from '../../src/lib/server/visitors/register-visit.js';
import {
	findReturningVisitor,
	registerReturning
} from '../../src/lib/server/visitors/returning-visitor.js';
import { decideVisit } from '../../src/lib/server/visitors/visit-moves.js';
import { createDemoDatabase, staffIdOf, type TestDatabase } from '../helpers/test-database.js';

// What the kiosk shows of a visit and to whom, the returning visitor who is not asked for their
// document again, and the invitation code at the kiosk. 10:00 in Shanghai on 22 November 2026;
// the host has 3 minutes (the site's default) before the desk takes over.

let database: TestDatabase;
let siteId: string;
let kioskId: string;
let otherKioskId: string;
let supervisor: string;
const homes: { unitId: string; surname: string }[] = [];

const NOW = new Date('2026-11-22T02:00:00Z');
const MINUTE = 60_000;
const ID = '11010519491231002X';
const BLOCKED_ID = '110101199003074477';

beforeAll(async () => {
	database = await createDemoDatabase();
	siteId = (await defaultSite(database.db))?.id ?? '';
	const kiosk = async (name: string) =>
		(
			await registerDevice(database.db, {
				siteId,
				kind: 'kiosk',
				audience: 'lobby',
				name,
				actor: { kind: 'system' }
			})
		).device.id;
	kioskId = await kiosk('lobby kiosk');
	otherKioskId = await kiosk('side door kiosk');
	supervisor = await staffIdOf(database, 'supervisor');
	const units = await kioskUnits(database.db, siteId);
	const people = demoResidents(units.length);
	for (let i = 0; i < units.length; i++) {
		homes.push({ unitId: units[i]?.id ?? '', surname: [...(people[i]?.[0]?.name ?? '')][0] ?? '' });
	}
	await addBlock(database.db, {
		siteId,
		block: {
			name: '曹操',
			phone: null,
			idType: 'resident_id',
			idLast4: '4477',
			idHash: await idHash(database.db, 'resident_id', BLOCKED_ID),
			reason: '多次滋扰'
		},
		actor: { kind: 'staff', staffId: supervisor }
	});
});

afterAll(() => database.dispose());

function entry(home: number, overrides: Partial<Record<string, string | boolean>> = {}) {
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
		remember: false,
		...overrides
	} as Parameters<typeof checkVisitorForm>[0]);
	if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
	return checked.visitor as VisitorEntry;
}

async function register(home: number, overrides = {}, now = NOW) {
	const result = await registerVisit(
		database.db,
		{ siteId, kioskId, entry: entry(home, overrides), idempotencyKey: crypto.randomUUID() },
		now
	);
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	return result.visit;
}

const view = (visitId: string, now = NOW, kiosk = kioskId) =>
	kioskVisitView(database.db, { siteId, kioskId: kiosk, visitId }, now);

describe('the kiosk’s view of a visit', () => {
	it('waits on the kiosk that registered it, that day only, and nowhere else', async () => {
		const visit = await register(1);
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
		const visit = await register(2, { name: '诸葛亮', party: '3' });
		await decideVisit(
			database.db,
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
		const visit = await register(3, { name: '曹操', idNumber: BLOCKED_ID });
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

describe('a returning visitor', () => {
	const phone = '13900004444';
	const details = (home: number) => ({
		unitId: homes[home]?.unitId ?? '',
		hostSurname: homes[home]?.surname ?? '',
		purpose: 'delivery',
		purposeText: '',
		party: '1',
		remember: true
	});

	it('is found by phone and the last 4, shown masked with their last visit to prefill', async () => {
		await register(4, { name: '孙权', phone, remember: true, purpose: 'maintenance', party: '4' });
		const found = await findReturningVisitor(database.db, { siteId, phone, idLast4: '002x' }, NOW);
		expect(found).toEqual({
			ok: true,
			visit: {
				maskedName: '孙*',
				unitId: homes[4]?.unitId,
				hostSurname: homes[4]?.surname,
				purpose: 'maintenance',
				purposeText: '',
				party: 4
			}
		});
		expect(JSON.stringify(found)).not.toContain('孙权');
	});

	it('registers from the remembered identity: same document hash and last 4, no number typed', async () => {
		const result = await registerReturning(
			database.db,
			{
				siteId,
				kioskId,
				phone,
				idLast4: '002X',
				details: details(5),
				idempotencyKey: crypto.randomUUID()
			},
			NOW
		);
		if (!result.ok) throw new Error(JSON.stringify(result));
		expect(result.visit).toMatchObject({
			status: 'waiting_host',
			name: '孙权',
			phone,
			idType: 'resident_id',
			idLast4: '002X',
			idHash: await idHash(database.db, 'resident_id', ID),
			unitId: homes[5]?.unitId,
			purpose: 'delivery'
		});
		expect(result.ask?.phones.length).toBeGreaterThan(0);
	});

	it('checks this visit’s details like the full form, and forgets a visitor who unticks the box', async () => {
		const input = { siteId, kioskId, phone, idLast4: '002X', idempotencyKey: crypto.randomUUID() };
		const wrong = await registerReturning(
			database.db,
			{ ...input, details: { ...details(5), purpose: '', party: '11' } },
			NOW
		);
		expect(wrong).toEqual({
			ok: false,
			errors: { purpose: 'visitorPurposeRequired', party: 'visitorPartyInvalid' }
		});
		const forget = await registerReturning(
			database.db,
			{ ...input, details: { ...details(5), remember: false } },
			NOW
		);
		expect(forget.ok).toBe(true);
		const left = await database.db
			.select()
			.from(visitorProfiles)
			.where(eq(visitorProfiles.phone, phone));
		expect(left).toHaveLength(0);
		expect(
			await findReturningVisitor(database.db, { siteId, phone, idLast4: '002X' }, NOW)
		).toEqual({ ok: false, error: 'kioskVisitReturningNotFound' });
	});

	it('stops answering for a phone after five misses, even with the right last 4', async () => {
		const guessed = '13900005555';
		await register(6, { phone: guessed, remember: true });
		const find = (idLast4: string) =>
			findReturningVisitor(database.db, { siteId, phone: guessed, idLast4 }, NOW);
		for (let i = 0; i < 4; i++) {
			expect(await find('0000')).toEqual({ ok: false, error: 'kioskVisitReturningNotFound' });
		}
		expect(await find('0000')).toEqual({ ok: false, error: 'kioskVisitReturningLocked' });
		expect(await find('002X')).toEqual({ ok: false, error: 'kioskVisitReturningLocked' });
		const later = new Date(NOW.getTime() + 11 * MINUTE);
		const found = await findReturningVisitor(
			database.db,
			{ siteId, phone: guessed, idLast4: '002X' },
			later
		);
		expect(found.ok).toBe(true);
	});
});

describe('an invitation code at the kiosk', () => {
	const invite = (home: number, visitDate: string, name = '关羽') =>
		createInvitation(
			database.db,
			{
				siteId,
				unitId: homes[home]?.unitId ?? '',
				visitDate,
				name,
				party: 2,
				purpose: 'visit_family',
				by: { kind: 'desk', staffId: supervisor }
			},
			{ now: new Date(NOW.getTime() - 2 * 24 * 60 * MINUTE) }
		);
	const person = (idNumber = ID) => {
		const { name, phone, idType, idLast4, ...rest } = entry(0, { name: '关羽', idNumber });
		return { name, phone, idType, idNumber: rest.idNumber, idLast4 };
	};

	it('is read before the guest’s details, then turns into an approved visit with its pass', async () => {
		const made = await invite(7, '2026-11-22');
		if (!made.ok) throw new Error(made.error);
		const code = made.visit.inviteCode ?? '';
		expect(await kioskInvitation(database.db, siteId, code.toLowerCase(), NOW)).toEqual({
			ok: true,
			code,
			name: '关羽',
			party: 2
		});
		const used = await useInvitation(database.db, { siteId, kioskId, code, person: person() }, NOW);
		if (!used.ok) throw new Error(used.error);
		expect(used.visit).toMatchObject({ status: 'approved', kioskId, idLast4: '002X' });
		const shown = await view(used.visit.id);
		expect(shown?.pass?.number).toBe(used.visit.passNumber);
		expect(shown?.pass?.maskedName).toBe('关*');
		// A second use, at the kiosk or by peeking, is refused.
		expect(await kioskInvitation(database.db, siteId, code, NOW)).toEqual({
			ok: false,
			error: 'visitorInviteUsed'
		});
		expect(
			await useInvitation(database.db, { siteId, kioskId, code, person: person() }, NOW)
		).toEqual({ ok: false, error: 'visitorInviteUsed' });
	});

	it('refuses a code on another day, an unknown one and a malformed one', async () => {
		const tomorrow = await invite(8, '2026-11-23');
		const yesterday = await invite(8, '2026-11-21');
		if (!tomorrow.ok || !yesterday.ok) throw new Error('not invited');
		const peek = (code: string) => kioskInvitation(database.db, siteId, code, NOW);
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

	it('sends a blocked guest to the desk, shown as waiting until the host’s time is up', async () => {
		const made = await invite(9, '2026-11-22', '曹操');
		if (!made.ok) throw new Error(made.error);
		const used = await useInvitation(
			database.db,
			{ siteId, kioskId, code: made.visit.inviteCode ?? '', person: person(BLOCKED_ID) },
			NOW
		);
		if (!used.ok) throw new Error(used.error);
		expect(used.visit).toMatchObject({ status: 'at_desk', passNumber: null });
		expect((await view(used.visit.id, new Date(NOW.getTime() + MINUTE)))?.status).toBe(
			'waiting_host'
		);
		expect((await view(used.visit.id, new Date(NOW.getTime() + 4 * MINUTE)))?.status).toBe(
			'at_desk'
		);
		const [row] = await database.db.select().from(visits).where(eq(visits.id, used.visit.id));
		expect(JSON.stringify(row)).not.toContain(BLOCKED_ID);
	});
});
