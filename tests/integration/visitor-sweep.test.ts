import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkVisitorForm } from '../../src/lib/domain/visitors/visitor-form.js';
import { openDatabase, type Database } from '../../src/lib/server/db/client.js';
import {
	events,
	households,
	ownerLinks,
	signInThrottles,
	tickets,
	visitorBlocks,
	visitorProfiles,
	visits
} from '../../src/lib/server/db/schema/index.js';
import { hashToken } from '../../src/lib/server/auth/tokens.js';
import { mintHouseholdLink } from '../../src/lib/server/household-links.js';
import { mintOwnerLink } from '../../src/lib/server/owner-links.js';
import { addBlock, liftBlock } from '../../src/lib/server/visitors/blocks.js';
import { demoResidents } from '../../src/lib/server/demo-seed.js';
import { registerDevice } from '../../src/lib/server/devices.js';
import { kioskUnits } from '../../src/lib/server/kiosk.js';
import { defaultSite } from '../../src/lib/server/sites.js';
import { createInvitation } from '../../src/lib/server/visitors/invitations.js';
import { registerVisit } from '../../src/lib/server/visitors/register-visit.js';
import { decideVisit } from '../../src/lib/server/visitors/visit-moves.js';
import { sweepVisitors } from '../../src/lib/server/visitors/visitor-sweep.js';
import {
	createDemoDatabase,
	staffIdOf,
	TEST_DATABASE_URL,
	type TestDatabase
} from '../helpers/test-database.js';

// Nobody waits forever and no visitor's data outlives the retention period, with any number of
// app processes sweeping. 10:00 in Shanghai on 22 November 2026.

let database: TestDatabase;
let siteId: string;
let kioskId: string;
let staffId: string;
const homes: { unitId: string; surname: string }[] = [];

const NOW = new Date('2026-11-22T02:00:00Z');
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Midnight that ends 22 November in Shanghai. */
const MIDNIGHT = new Date('2026-11-22T16:00:00Z');

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
	staffId = await staffIdOf(database, 'assistant');
	const units = await kioskUnits(database.db, siteId);
	const people = demoResidents(units.length);
	units.forEach((u, i) =>
		homes.push({ unitId: u.id, surname: [...(people[i]?.[0]?.name ?? '')][0] ?? '' })
	);
});

afterAll(() => database.dispose());

async function register(home: number, at: Date, phone = '13900001111') {
	const form = checkVisitorForm({
		name: '孙权',
		phone,
		idType: 'resident_id',
		idNumber: '110101199003077897',
		unitId: homes[home]?.unitId ?? '',
		hostSurname: homes[home]?.surname ?? '',
		purpose: 'delivery',
		purposeText: '',
		party: '1',
		remember: true
	});
	if (!form.ok) throw new Error(JSON.stringify(form.errors));
	const result = await registerVisit(
		database.db,
		{ siteId, kioskId, entry: form.visitor, idempotencyKey: crypto.randomUUID() },
		at
	);
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	return result.visit;
}

const statusOf = async (id: string) =>
	(await database.db.select().from(visits).where(eq(visits.id, id)))[0];

const eventsOf = async (type: string, visitId: string) =>
	(
		await database.db
			.select()
			.from(events)
			.where(and(eq(events.siteId, siteId), eq(events.type, type)))
	).filter((e) => e.data.visitId === visitId);

/** Two sweepers at once: two connections on Postgres, two calls on the one PGlite handle. */
async function sweepTwice(now: Date, options = {}) {
	let second: Database = database.db;
	let close = async () => {};
	if (TEST_DATABASE_URL && database.url) {
		const handle = await openDatabase({ url: database.url });
		second = handle.db;
		close = () => handle.close();
	}
	try {
		return await Promise.all([
			sweepVisitors(database.db, now, options),
			sweepVisitors(second, now, options)
		]);
	} finally {
		await close();
	}
}

describe('a silent host', () => {
	it('hands the visit to the desk at the site’s time, once, however many processes sweep', async () => {
		const visit = await register(11, NOW);
		await sweepTwice(new Date(NOW.getTime() + 3 * MINUTE - 1));
		expect((await statusOf(visit.id))?.status).toBe('waiting_host');
		await sweepTwice(new Date(NOW.getTime() + 3 * MINUTE));
		expect(await statusOf(visit.id)).toMatchObject({
			status: 'at_desk',
			atDeskReason: 'host_silent'
		});
		const told = await eventsOf('visit.host_silent', visit.id);
		expect(told).toHaveLength(1);
		expect(told[0]?.data.to).toEqual(['desk']);
	});

	it('follows the shorter time a test or drill sets', async () => {
		const visit = await register(12, NOW);
		await sweepVisitors(database.db, new Date(NOW.getTime() + 15_000), { consentSeconds: 15 });
		expect((await statusOf(visit.id))?.status).toBe('at_desk');
	});

	it('may still answer after the desk took over, until the desk has', async () => {
		const visit = await register(13, NOW);
		await sweepVisitors(database.db, new Date(NOW.getTime() + 5 * MINUTE));
		const answer = await decideVisit(database.db, {
			siteId,
			visitId: visit.id,
			decision: 'refuse',
			by: { kind: 'host', householdId: visit.householdId ?? '', residentId: null }
		});
		expect(answer.ok && answer.visit.status).toBe('refused');
	});
});

describe('the end of the site’s day', () => {
	it('signs out the day’s passes at midnight, expires unused invitations, drops undecided visits', async () => {
		const inside = await register(14, NOW);
		await decideVisit(
			database.db,
			{ siteId, visitId: inside.id, decision: 'approve', by: { kind: 'desk', staffId } },
			NOW
		);
		const undecided = await register(15, new Date(NOW.getTime() + 60 * MINUTE));
		const invited = await createInvitation(
			database.db,
			{
				siteId,
				unitId: homes[16]?.unitId ?? '',
				visitDate: '2026-11-22',
				name: '周瑜',
				party: 1,
				purpose: 'visit_family',
				by: { kind: 'desk', staffId }
			},
			{ now: NOW }
		);
		if (!invited.ok) throw new Error(invited.error);

		// Just before midnight nothing moves; a day later nobody is still inside, or waiting.
		await sweepVisitors(database.db, new Date(MIDNIGHT.getTime() - 1));
		expect((await statusOf(inside.id))?.status).toBe('approved');
		await sweepTwice(new Date(MIDNIGHT.getTime() + 5 * MINUTE));
		expect(await statusOf(inside.id)).toMatchObject({
			status: 'auto_signed_out',
			signedOutAt: MIDNIGHT
		});
		expect((await statusOf(undecided.id))?.status).toBe('cancelled');
		expect((await statusOf(invited.visit.id))?.status).toBe('expired');
		expect(await eventsOf('visit.auto_signed_out', inside.id)).toHaveLength(1);
	});
});

describe('retention', () => {
	it('anonymises a visit after the site’s period, keeping when, where, how many and how it ended', async () => {
		const visit = await register(17, NOW, '13900004444');
		const later = new Date(NOW.getTime() + 181 * DAY);
		const [a, b] = await sweepTwice(later);
		expect((a?.anonymised ?? 0) + (b?.anonymised ?? 0)).toBeGreaterThan(0);
		const row = await statusOf(visit.id);
		expect(row).toMatchObject({
			name: null,
			phone: null,
			idLast4: null,
			idHash: null,
			hostSurname: null,
			note: null,
			unitId: visit.unitId,
			party: 1,
			purpose: 'delivery',
			createdAt: NOW,
			anonymisedAt: later
		});
		const profiles = await database.db
			.select()
			.from(visitorProfiles)
			.where(inArray(visitorProfiles.phone, ['13900004444']));
		expect(profiles).toHaveLength(0);
		const again = await sweepVisitors(database.db, new Date(later.getTime() + DAY));
		expect(again.anonymised).toBe(0);
		expect((await statusOf(visit.id))?.anonymisedAt).toEqual(later);
	});

	it('forgets lifted blocks past the period, and the kiosk’s day-old guess counters', async () => {
		const blockId = await addBlock(database.db, {
			siteId,
			block: {
				name: '吕布',
				phone: '13900007777',
				idType: null,
				idLast4: null,
				idHash: null,
				reason: '滋扰'
			},
			actor: { kind: 'staff', staffId }
		});
		await liftBlock(database.db, { siteId, blockId, actor: { kind: 'staff', staffId } }, NOW);
		await database.db.insert(signInThrottles).values({
			key: 'visit-host:stale',
			failures: 3,
			windowStart: NOW,
			lockedUntil: null
		});
		await sweepVisitors(database.db, new Date(NOW.getTime() + 2 * DAY));
		expect(
			await database.db
				.select()
				.from(signInThrottles)
				.where(eq(signInThrottles.key, 'visit-host:stale'))
		).toHaveLength(0);
		expect(
			await database.db.select().from(visitorBlocks).where(eq(visitorBlocks.id, blockId))
		).toHaveLength(1);
		await sweepVisitors(database.db, new Date(NOW.getTime() + 181 * DAY));
		expect(
			await database.db.select().from(visitorBlocks).where(eq(visitorBlocks.id, blockId))
		).toHaveLength(0);
	});

	it('deletes household links a month after they expired, and no request’s link', async () => {
		const [household] = await database.db.select({ id: households.id }).from(households).limit(1);
		const [ticket] = await database.db.select({ id: tickets.id }).from(tickets).limit(1);
		const old = await mintHouseholdLink(database.db, household?.id ?? '', NOW);
		const fresh = await mintHouseholdLink(
			database.db,
			household?.id ?? '',
			new Date(NOW.getTime() + 20 * DAY)
		);
		// A request's link, just as expired: the owner's record of their request keeps it.
		const request = await mintOwnerLink(database.db, ticket?.id ?? '', NOW);
		const left = async (token: string) =>
			(
				await database.db
					.select()
					.from(ownerLinks)
					.where(eq(ownerLinks.tokenHash, hashToken(token)))
			).length;
		// Expired a day ago: still there, so the page says "expired" rather than "unknown".
		await sweepVisitors(database.db, new Date(NOW.getTime() + 31 * DAY));
		expect(await left(old.token)).toBe(1);
		// Expired a month and more ago: gone.
		await sweepVisitors(database.db, new Date(NOW.getTime() + 61 * DAY));
		expect(await left(old.token)).toBe(0);
		expect(await left(fresh.token)).toBe(1);
		expect(await left(request.token)).toBe(1);
	});

	it('keeps a visit within the period as it was', async () => {
		const recent = new Date(NOW.getTime() + 170 * DAY);
		const visit = await register(18, recent, '13900005555');
		await sweepVisitors(database.db, new Date(NOW.getTime() + 181 * DAY));
		expect((await statusOf(visit.id))?.name).toBe('孙权');
	});
});
