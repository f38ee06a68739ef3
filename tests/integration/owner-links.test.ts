import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { households, ownerLinks, tickets, units } from '../../src/lib/server/db/schema/index.js';
import { registerDevice } from '../../src/lib/server/devices.js';
import { checkIdentity, fileFromKiosk, kioskUnits } from '../../src/lib/server/kiosk.js';
import { kioskReceipt } from '../../src/lib/server/kiosk-receipt.js';
import {
	mintOwnerLink,
	OWNER_LINK_DAYS,
	resolveOwnerLink,
	revokeOwnerLinks
} from '../../src/lib/server/owner-links.js';
import { hashToken } from '../../src/lib/server/auth/tokens.js';
import { demoResidents } from '../../src/lib/server/demo-seed.js';
import { defaultSite } from '../../src/lib/server/sites.js';
import type { Ticket } from '../../src/lib/server/tickets.js';
import { createDemoDatabase, type TestDatabase } from '../helpers/test-database.js';

let database: TestDatabase;
let siteId: string;
let kiosk: { id: string; siteId: string };
let otherKiosk: { id: string; siteId: string };
let unitIds: string[];
const people = demoResidents(40);
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const T0 = new Date('2026-11-23T02:00:00Z');

async function newKiosk(name: string) {
	const { device } = await registerDevice(database.db, {
		siteId,
		kind: 'kiosk',
		audience: 'lobby',
		name,
		actor: { kind: 'system' }
	});
	return { id: device.id, siteId };
}

async function fileAt(home: number, by = kiosk, now = T0): Promise<Ticket> {
	const unitId = unitIds[home] ?? '';
	const identity = await checkIdentity(database.db, {
		siteId,
		unitId,
		phoneLast4: people[home]?.[0]?.phone.slice(-4) ?? '',
		deviceId: by.id
	});
	if (!identity.ok) throw new Error('identity refused');
	const ticket = await fileFromKiosk(database.db, {
		siteId,
		deviceId: by.id,
		residentId: identity.residentId,
		unitId,
		type: 'repair',
		category: 'water',
		description: '厨房水槽下面漏水',
		preferredAt: null,
		idempotencyKey: crypto.randomUUID()
	});
	// Filed "at" T0, so the receipt's 15 minutes are measured from a known instant.
	await database.db.update(tickets).set({ createdAt: now }).where(eq(tickets.id, ticket.id));
	return { ...ticket, createdAt: now };
}

beforeAll(async () => {
	database = await createDemoDatabase();
	siteId = (await defaultSite(database.db))?.id ?? '';
	kiosk = await newKiosk('lobby kiosk');
	otherKiosk = await newKiosk('side-door kiosk');
	unitIds = (await kioskUnits(database.db, siteId)).map((u) => u.id);
});
afterAll(() => database.dispose());

describe('owner links', () => {
	it('keep only the token’s hash, and last 30 days', async () => {
		const ticket = await fileAt(1);
		const { token, expiresAt } = await mintOwnerLink(database.db, ticket.id, T0);
		expect(token).toMatch(/^[a-z2-7]{32}$/);
		expect(OWNER_LINK_DAYS).toBe(30);
		expect(expiresAt).toEqual(new Date(T0.getTime() + 30 * DAY));
		const rows = await database.db
			.select()
			.from(ownerLinks)
			.where(eq(ownerLinks.ticketId, ticket.id));
		expect(rows).toHaveLength(1);
		expect(rows[0]?.tokenHash).toBe(hashToken(token));
		expect(JSON.stringify(rows)).not.toContain(token);
	});

	it('open their request and record each use', async () => {
		const ticket = await fileAt(2);
		const { token } = await mintOwnerLink(database.db, ticket.id, T0);
		const used = new Date(T0.getTime() + 3 * DAY);
		expect(await resolveOwnerLink(database.db, token, used)).toMatchObject({
			ok: true,
			ticketId: ticket.id,
			siteId
		});
		const [row] = await database.db
			.select({ lastUsedAt: ownerLinks.lastUsedAt })
			.from(ownerLinks)
			.where(eq(ownerLinks.tokenHash, hashToken(token)));
		expect(row?.lastUsedAt).toEqual(used);
	});

	it('stop at their expiry, and when revoked', async () => {
		const ticket = await fileAt(3);
		const { token, expiresAt } = await mintOwnerLink(database.db, ticket.id, T0);
		const before = new Date(expiresAt.getTime() - 1);
		expect(await resolveOwnerLink(database.db, token, before)).toMatchObject({ ok: true });
		expect(await resolveOwnerLink(database.db, token, expiresAt)).toEqual({
			ok: false,
			reason: 'expired'
		});

		const second = await mintOwnerLink(database.db, ticket.id, T0);
		expect(await revokeOwnerLinks(database.db, ticket.id, T0)).toBe(2);
		expect(await resolveOwnerLink(database.db, second.token, T0)).toEqual({
			ok: false,
			reason: 'revoked'
		});
	});

	it('know nothing of made-up, malformed or household-only tokens', async () => {
		for (const token of ['', 'abc', "'; drop table tickets; --", 'a'.repeat(32), 'A'.repeat(32)]) {
			expect(await resolveOwnerLink(database.db, token, T0)).toEqual({
				ok: false,
				reason: 'unknown'
			});
		}
		const [household] = await database.db
			.select({ id: households.id })
			.from(households)
			.innerJoin(units, eq(units.id, households.unitId))
			.limit(1);
		const token = 'b'.repeat(32);
		await database.db.insert(ownerLinks).values({
			householdId: household?.id ?? null,
			tokenHash: hashToken(token),
			expiresAt: new Date(T0.getTime() + DAY)
		});
		expect(await resolveOwnerLink(database.db, token, T0)).toEqual({
			ok: false,
			reason: 'unknown'
		});
	});
});

describe('the kiosk receipt', () => {
	it('shows the request to the kiosk that filed it, for 15 minutes, with a new link each time', async () => {
		const ticket = await fileAt(4);
		const within = new Date(T0.getTime() + 14 * MINUTE);
		const receipt = await kioskReceipt(database.db, kiosk, ticket.serial, within);
		expect(receipt).toMatchObject({
			serial: ticket.serial,
			type: 'repair',
			category: 'water',
			description: '厨房水槽下面漏水',
			home: { building: '1', entrance: '1' },
			timeZone: 'Asia/Shanghai'
		});
		expect(receipt?.nextSteps[0]).toMatchObject({ kind: 'repairArrival', inHours: 20 });
		const again = await kioskReceipt(database.db, kiosk, ticket.serial, within);
		expect(again?.token).not.toBe(receipt?.token);
		for (const token of [receipt?.token, again?.token]) {
			expect(await resolveOwnerLink(database.db, token ?? '', within)).toMatchObject({
				ok: true,
				ticketId: ticket.id
			});
		}
	});

	it('is nothing to another kiosk, after 15 minutes, or for a number it did not file', async () => {
		const ticket = await fileAt(5);
		const soon = new Date(T0.getTime() + MINUTE);
		expect(await kioskReceipt(database.db, otherKiosk, ticket.serial, soon)).toBeNull();
		expect(
			await kioskReceipt(database.db, kiosk, ticket.serial, new Date(T0.getTime() + 16 * MINUTE))
		).toBeNull();
		expect(await kioskReceipt(database.db, kiosk, 'R-20261123-999', soon)).toBeNull();
		const links = await database.db
			.select()
			.from(ownerLinks)
			.where(eq(ownerLinks.ticketId, ticket.id));
		expect(links).toHaveLength(0);
	});
});
