import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { events, tickets } from '../../src/lib/server/db/schema/index.js';
import { demoResidents } from '../../src/lib/server/demo-seed.js';
import { registerDevice } from '../../src/lib/server/devices.js';
import { checkIdentity, kioskUnits } from '../../src/lib/server/kiosk.js';
import { decidePass, filePass, type FilePassInput } from '../../src/lib/server/release-passes.js';
import { defaultSite } from '../../src/lib/server/sites.js';
import { staffIdOf, type TestDatabase } from './test-database.js';

/** 10:00 in Shanghai on 22 November 2026, the demo site's zone. */
export const NOW = new Date('2026-11-22T02:00:00Z');
export const TODAY = '2026-11-22';
export const MINUTE = 60_000;

type StaffActor = { kind: 'staff'; staffId: string };

/**
 * The demo estate ready for item-release passes: two kiosks, an owner proved at the first, the
 * duty supervisor, the director and the guard, and short ways to file, approve and read back.
 */
export async function passDesk(database: TestDatabase) {
	const siteId = (await defaultSite(database.db))?.id ?? '';
	const kiosk = (name: string) =>
		registerDevice(database.db, {
			siteId,
			kind: 'kiosk',
			audience: 'lobby',
			name,
			actor: { kind: 'system' }
		});
	const kioskId = (await kiosk('lobby kiosk')).device.id;
	const otherKioskId = (await kiosk('side door kiosk')).device.id;
	const unitId = (await kioskUnits(database.db, siteId))[5]?.id ?? '';
	const identity = await checkIdentity(database.db, {
		siteId,
		unitId,
		phoneLast4: demoResidents(40)[5]?.[0]?.phone.slice(-4) ?? '',
		deviceId: kioskId
	});
	if (!identity.ok) throw new Error('identity refused');
	const residentId = identity.residentId;
	const staff = async (role: string): Promise<StaffActor> => ({
		kind: 'staff',
		staffId: await staffIdOf(database, role)
	});
	const supervisor = await staff('supervisor');

	const input = (over: Partial<FilePassInput> = {}): FilePassInput => ({
		siteId,
		deviceId: kioskId,
		residentId,
		unitId,
		category: 'moving_out',
		carryOn: TODAY,
		carrierName: '  张师傅 ',
		items: [
			{ description: '三人沙发', quantity: 1 },
			{ description: '纸箱', quantity: 12 }
		],
		idempotencyKey: crypto.randomUUID(),
		...over
	});

	async function ticketOf(ticketId: string) {
		const [ticket] = await database.db.select().from(tickets).where(eq(tickets.id, ticketId));
		if (!ticket) throw new Error('no ticket');
		return ticket;
	}

	function eventsOf(ticketId: string) {
		return database.db
			.select()
			.from(events)
			.where(eq(events.ticketId, ticketId))
			.orderBy(events.id);
	}

	/** A pass filed for `carryOn`, still waiting for the supervisor. */
	async function pendingPass(carryOn = TODAY, now = NOW) {
		return (await filePass(database.db, input({ carryOn }), { now })).pass;
	}

	/** A pass filed and approved for `carryOn`. */
	async function approvedPass(carryOn = TODAY, now = NOW) {
		const pass = await pendingPass(carryOn, now);
		expect(
			await decidePass(
				database.db,
				{ siteId, passId: pass.id, decision: 'approve', actor: supervisor },
				now
			)
		).toMatchObject({ ok: true });
		return pass;
	}

	return {
		siteId,
		kioskId,
		otherKioskId,
		unitId,
		residentId,
		supervisor,
		director: await staff('director'),
		guard: await staff('guard'),
		input,
		ticketOf,
		eventsOf,
		pendingPass,
		approvedPass
	};
}

export type PassDesk = Awaited<ReturnType<typeof passDesk>>;
