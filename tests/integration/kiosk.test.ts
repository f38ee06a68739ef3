import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, tickets } from '../../src/lib/server/db/schema/index.js';
import { demoResidents } from '../../src/lib/server/demo-seed.js';
import { registerDevice } from '../../src/lib/server/devices.js';
import {
	checkIdentity,
	fileFromKiosk,
	isKioskUnit,
	kioskUnits,
	lockedHomes
} from '../../src/lib/server/kiosk.js';
import { loadMessages } from '../../src/lib/server/realtime/projections.js';
import { defaultSite } from '../../src/lib/server/sites.js';
import { createDemoDatabase, type TestDatabase } from '../helpers/test-database.js';

let database: TestDatabase;
let siteId: string;
let deviceId: string;
let unitIds: string[];
const people = demoResidents(40);
const MINUTE = 60_000;

beforeAll(async () => {
	database = await createDemoDatabase();
	siteId = (await defaultSite(database.db))?.id ?? '';
	const { device } = await registerDevice(database.db, {
		siteId,
		kind: 'kiosk',
		audience: 'lobby',
		name: 'lobby kiosk',
		actor: { kind: 'system' }
	});
	deviceId = device.id;
	unitIds = (await kioskUnits(database.db, siteId)).map((u) => u.id);
});
afterAll(() => database.dispose());

const last4 = (home: number) => people[home]?.[0]?.phone.slice(-4) ?? '';

describe('the kiosk', () => {
	it('offers all 40 homes by building, entrance and room, and nothing about who lives there', async () => {
		const units = await kioskUnits(database.db, siteId);
		expect(units).toHaveLength(40);
		expect(Object.keys(units[0] ?? {}).sort()).toEqual(['building', 'entrance', 'id', 'room']);
	});

	it('knows an owner by their home and the last four digits of a phone on record', async () => {
		const result = await checkIdentity(database.db, {
			siteId,
			unitId: unitIds[3] ?? '',
			phoneLast4: last4(3),
			deviceId
		});
		expect(result).toMatchObject({ ok: true, careFlagged: true });
	});

	it('locks a home for ten minutes at the fifth wrong answer and tells the desk', async () => {
		const unitId = unitIds[7] ?? '';
		const now = new Date('2026-11-22T02:00:00Z');
		const wrong = last4(7) === '0000' ? '1111' : '0000';
		for (let i = 0; i < 4; i++) {
			expect(
				await checkIdentity(database.db, { siteId, unitId, phoneLast4: wrong, deviceId }, now)
			).toEqual({ ok: false, reason: 'wrong' });
		}
		expect(
			await checkIdentity(database.db, { siteId, unitId, phoneLast4: wrong, deviceId }, now)
		).toEqual({ ok: false, reason: 'locked', until: new Date(now.getTime() + 10 * MINUTE) });
		expect(
			await checkIdentity(database.db, { siteId, unitId, phoneLast4: last4(7), deviceId }, now)
		).toMatchObject({ ok: false, reason: 'locked' });
		const alerts = await database.db
			.select()
			.from(events)
			.where(and(eq(events.siteId, siteId), eq(events.type, 'kiosk.unit_locked')));
		expect(alerts).toHaveLength(1);
		expect(alerts[0]?.data).toMatchObject({ unitId });

		const later = new Date(now.getTime() + 11 * MINUTE);
		expect(
			await checkIdentity(database.db, { siteId, unitId, phoneLast4: last4(7), deviceId }, later)
		).toMatchObject({ ok: true });
	});

	it('names the locked home and its end to the desk, on the staff stream only', async () => {
		const home = (await kioskUnits(database.db, siteId))[15];
		const unitId = home?.id ?? '';
		const now = new Date('2026-11-22T04:00:00Z');
		const wrong = last4(15) === '0000' ? '1111' : '0000';
		for (let i = 0; i < 5; i++) {
			await checkIdentity(database.db, { siteId, unitId, phoneLast4: wrong, deviceId }, now);
		}
		const until = new Date(now.getTime() + 10 * MINUTE);
		const [alert] = await database.db
			.select()
			.from(events)
			.where(and(eq(events.siteId, siteId), eq(events.type, 'kiosk.unit_locked')))
			.then((rows) => rows.filter((r) => r.data.unitId === unitId));
		expect(alert?.data).toEqual({
			unitId,
			home: { building: home?.building, entrance: home?.entrance, room: home?.room },
			until: until.toISOString()
		});

		// The desk's notice, read when a console page loads: the home until its lock ends.
		const during = await lockedHomes(database.db, siteId, new Date(now.getTime() + MINUTE));
		expect(during.filter((l) => l.unitId === unitId)).toEqual([
			{
				unitId,
				building: home?.building,
				entrance: home?.entrance,
				room: home?.room,
				until: until.getTime()
			}
		]);
		const after = await lockedHomes(database.db, siteId, new Date(until.getTime() + 1));
		expect(after.filter((l) => l.unitId === unitId)).toEqual([]);
		// Another site's desk hears nothing of it.
		expect(await lockedHomes(database.db, crypto.randomUUID(), now)).toEqual([]);

		// The staff stream carries the home; the staff room's and the lobby's carry no event.
		const [message] = await loadMessages(database.db, siteId, (alert?.seq ?? 1) - 1, 1);
		expect(message?.staff.event?.data).toMatchObject({ home: alert?.data.home });
		for (const audience of ['staff_room', 'public'] as const) {
			expect(message?.[audience]).toMatchObject({ event: null, ticket: null });
			expect(JSON.stringify(message?.[audience])).not.toContain(unitId);
		}
	});

	it('files the request on the kiosk channel, once per key, with the owner as reporter', async () => {
		const identity = await checkIdentity(database.db, {
			siteId,
			unitId: unitIds[12] ?? '',
			phoneLast4: last4(12),
			deviceId
		});
		if (!identity.ok) throw new Error('identity refused');
		const input = {
			siteId,
			deviceId,
			residentId: identity.residentId,
			unitId: unitIds[12] ?? '',
			type: 'complaint' as const,
			category: 'noise',
			description: '  楼上每晚十一点后还在拖动家具  ',
			preferredAt: null,
			idempotencyKey: crypto.randomUUID()
		};
		const first = await fileFromKiosk(database.db, input);
		const again = await fileFromKiosk(database.db, input);
		expect(again.id).toBe(first.id);
		expect(first).toMatchObject({
			channel: 'kiosk',
			type: 'complaint',
			priority: 'high',
			reporterResidentId: identity.residentId,
			createdByDeviceId: deviceId,
			description: '楼上每晚十一点后还在拖动家具'
		});
		const rows = await database.db
			.select()
			.from(tickets)
			.where(eq(tickets.idempotencyKey, input.idempotencyKey));
		expect(rows).toHaveLength(1);
	});

	it('lets eight wrong answers at the same moment make five attempts at most, and says so once', async () => {
		const unitId = unitIds[9] ?? '';
		const now = new Date('2026-11-22T03:00:00Z');
		const wrong = last4(9) === '0000' ? '1111' : '0000';
		const results = await Promise.all(
			Array.from({ length: 8 }, () =>
				checkIdentity(database.db, { siteId, unitId, phoneLast4: wrong, deviceId }, now)
			)
		);
		expect(results.filter((r) => !r.ok && r.reason === 'wrong')).toHaveLength(4);
		expect(results.filter((r) => !r.ok && r.reason === 'locked')).toHaveLength(4);
		const alerts = await database.db
			.select()
			.from(events)
			.where(and(eq(events.siteId, siteId), eq(events.type, 'kiosk.unit_locked')));
		expect(alerts.filter((a) => a.data.unitId === unitId)).toHaveLength(1);
		expect(await isKioskUnit(database.db, siteId, unitId)).toBe(true);
		expect(await isKioskUnit(database.db, siteId, 'not-a-home')).toBe(false);
		expect(await isKioskUnit(database.db, siteId, crypto.randomUUID())).toBe(false);
	});
});
