import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/lib/server/auth/tokens.js';
import { devices, events, sites, staffUsers } from '../../src/lib/server/db/schema/index.js';
import {
	isPairingCodeShaped,
	listDevices,
	normalizePairingCode,
	pairDemoDevice,
	registerDevice,
	renewPairingCode,
	revokeDevice,
	validateDeviceToken
} from '../../src/lib/server/devices.js';
import type { Actor } from '../../src/lib/server/event-log.js';
import { defaultSite } from '../../src/lib/server/sites.js';
import { createDemoDatabase, type TestDatabase } from '../helpers/test-database.js';

let database: TestDatabase;
let siteId: string;
let otherSiteId: string;
let admin: Actor;
const MINUTE = 60_000;

beforeAll(async () => {
	database = await createDemoDatabase();
	const site = await defaultSite(database.db);
	if (!site) throw new Error('no demo site');
	siteId = site.id;
	const [other] = await database.db
		.insert(sites)
		.values({ slug: 'riverside', name: '滨江苑', nameEn: 'Riverside' })
		.returning({ id: sites.id });
	otherSiteId = other?.id ?? '';
	const [user] = await database.db
		.select({ id: staffUsers.id })
		.from(staffUsers)
		.where(eq(staffUsers.username, 'admin'));
	admin = { kind: 'staff', staffId: user?.id ?? null };
});
afterAll(() => database.dispose());

const register = (over: Partial<Parameters<typeof registerDevice>[1]> = {}, now?: Date) =>
	registerDevice(
		database.db,
		{ siteId, kind: 'display', audience: 'lobby', name: '大堂屏', actor: admin, ...over },
		now
	);

/** Pairs a newly registered device and returns it with its token. */
async function paired(over: Partial<Parameters<typeof registerDevice>[1]> = {}) {
	const { device, code } = await register(over);
	const pairing = await pairDemoDevice(database.db, code);
	if (!pairing) throw new Error('pairing failed');
	return { device, token: pairing.token };
}

describe('pairing a screen with its one-time code', () => {
	it('gives an eight-character code that reads unambiguously off a screen', async () => {
		const { code } = await register();
		expect(code).toHaveLength(8);
		expect(isPairingCodeShaped(code)).toBe(true);
		expect(code).not.toMatch(/[IL0O1]/);
	});

	it('pairs the device once; the same code typed again is refused', async () => {
		const { device, code } = await register({ name: '二号屏' });
		const first = await pairDemoDevice(database.db, code);
		expect(first?.device.id).toBe(device.id);
		expect(first?.token).toEqual(expect.any(String));
		expect(await pairDemoDevice(database.db, code)).toBeNull();

		const [row] = await database.db.select().from(devices).where(eq(devices.id, device.id));
		expect(row?.pairedAt).not.toBeNull();
		expect(row?.pairingCodeHash).toBeNull();
		const pairedEvents = await database.db
			.select()
			.from(events)
			.where(eq(events.type, 'device.paired'));
		expect(pairedEvents.filter((e) => e.data.deviceId === device.id)).toHaveLength(1);
	});

	it('gives one token when two screens type the same code at once', async () => {
		const { code } = await register({ name: '抢码屏' });
		const results = await Promise.all([
			pairDemoDevice(database.db, code),
			pairDemoDevice(database.db, code)
		]);
		expect(results.filter((r) => r !== null)).toHaveLength(1);
	});

	it('accepts the code in lower case, with spaces or dashes between groups', async () => {
		expect(normalizePairingCode(' ab cd-ef 23 ')).toBe('ABCDEF23');
		const { device, code } = await register({ name: '三号屏' });
		const typed = `${code.slice(0, 4).toLowerCase()}-${code.slice(4).toLowerCase()} `;
		expect((await pairDemoDevice(database.db, typed))?.device.id).toBe(device.id);
	});

	it('refuses a code typed more than ten minutes after it was shown', async () => {
		const shown = new Date('2026-11-01T08:00:00Z');
		const { code } = await register({ name: '迟到屏' }, shown);
		expect(
			await pairDemoDevice(database.db, code, new Date(shown.getTime() + 11 * MINUTE))
		).toBeNull();
		// The refusal did not use the code up: within its ten minutes it still works.
		expect(
			await pairDemoDevice(database.db, code, new Date(shown.getTime() + 9 * MINUTE))
		).not.toBeNull();
	});

	it('refuses a made-up code', async () => {
		expect(await pairDemoDevice(database.db, 'ABCD2345')).toBeNull();
		expect(await pairDemoDevice(database.db, 'not a code')).toBeNull();
	});
});

describe('a paired device', () => {
	it('is known by its token as the site, kind and audience it was registered as', async () => {
		const { device, token } = await paired({
			kind: 'display',
			audience: 'staff_room',
			name: '值班室屏'
		});
		expect(await validateDeviceToken(database.db, token)).toEqual({
			id: device.id,
			siteId,
			kind: 'display',
			audience: 'staff_room',
			name: '值班室屏'
		});
	});

	it('shows a kiosk the lobby’s view whatever audience was asked for', async () => {
		const { token } = await paired({ kind: 'kiosk', audience: 'staff_room', name: '自助机' });
		expect(await validateDeviceToken(database.db, token)).toMatchObject({
			kind: 'kiosk',
			audience: 'lobby'
		});
	});

	it('is stored with a hash of its token, never the token itself', async () => {
		const { device, token } = await paired({ name: '哈希屏' });
		const [row] = await database.db.select().from(devices).where(eq(devices.id, device.id));
		expect(row?.tokenHash).toBe(hashToken(token));
		const table = JSON.stringify(await database.db.select().from(devices));
		expect(table).not.toContain(token);
	});

	it('is not known by a made-up token', async () => {
		expect(await validateDeviceToken(database.db, 'made-up-token')).toBeNull();
	});

	it('can be paired again with a new code, and then its old token stops working', async () => {
		const { device, token: oldToken } = await paired({ name: '搬家屏' });
		const code = await renewPairingCode(database.db, { siteId, deviceId: device.id });
		if (!code) throw new Error('no new code');
		expect(isPairingCodeShaped(code)).toBe(true);

		const again = await pairDemoDevice(database.db, code);
		if (!again) throw new Error('re-pairing failed');
		expect(again.token).not.toBe(oldToken);
		expect(await validateDeviceToken(database.db, oldToken)).toBeNull();
		expect((await validateDeviceToken(database.db, again.token))?.id).toBe(device.id);
	});

	it('gets no new code through another site', async () => {
		const { device } = await register({ name: '别家屏' });
		expect(
			await renewPairingCode(database.db, { siteId: otherSiteId, deviceId: device.id })
		).toBeNull();
	});
});

describe('revoking a device', () => {
	it('stops its token at once and puts the revocation on record', async () => {
		const { device, token } = await paired({ name: '丢失的屏' });
		expect(await revokeDevice(database.db, { siteId, deviceId: device.id, actor: admin })).toBe(
			true
		);
		expect(await validateDeviceToken(database.db, token)).toBeNull();

		const revoked = await database.db
			.select()
			.from(events)
			.where(and(eq(events.siteId, siteId), eq(events.type, 'device.revoked')));
		const mine = revoked.filter((e) => e.data.deviceId === device.id);
		expect(mine).toHaveLength(1);
		expect(mine[0]).toMatchObject({ actorKind: 'staff', actorStaffId: admin.staffId });
	});

	it('leaves it revoked: no new code, no second revocation', async () => {
		const { device } = await paired({ name: '报废屏' });
		await revokeDevice(database.db, { siteId, deviceId: device.id, actor: admin });
		expect(await renewPairingCode(database.db, { siteId, deviceId: device.id })).toBeNull();
		expect(await revokeDevice(database.db, { siteId, deviceId: device.id, actor: admin })).toBe(
			false
		);
	});

	it('refuses to revoke another site’s device when named under the wrong site', async () => {
		const { device, code } = await register({ siteId: otherSiteId, name: '滨江大堂屏' });
		const pairing = await pairDemoDevice(database.db, code);
		if (!pairing) throw new Error('pairing failed');

		expect(await revokeDevice(database.db, { siteId, deviceId: device.id, actor: admin })).toBe(
			false
		);
		expect((await validateDeviceToken(database.db, pairing.token))?.siteId).toBe(otherSiteId);
		const revoked = await database.db
			.select()
			.from(events)
			.where(eq(events.type, 'device.revoked'));
		expect(revoked.filter((e) => e.data.deviceId === device.id)).toHaveLength(0);
		expect((await listDevices(database.db, siteId)).map((d) => d.id)).not.toContain(device.id);
		expect((await listDevices(database.db, otherSiteId)).map((d) => d.id)).toContain(device.id);
	});
});
