import { checkVisitorForm, type VisitorEntry } from '../../src/lib/domain/visitors/visitor-form.js';
import { demoResidents } from '../../src/lib/server/demo-seed.js';
import { registerDevice } from '../../src/lib/server/devices.js';
import { kioskUnits } from '../../src/lib/server/kiosk.js';
import { defaultSite } from '../../src/lib/server/sites.js';
import { addBlock } from '../../src/lib/server/visitors/blocks.js';
import { idHash } from '../../src/lib/server/visitors/id-hash.js';
import { registerVisit } from '../../src/lib/server/visitors/register-visit.js';
import { createDemoDatabase, staffIdOf, type TestDatabase } from './test-database.js';

/** 10:00 in Shanghai on 22 November 2026; the host has 3 minutes (the site's default). */
export const NOW = new Date('2026-11-22T02:00:00Z');
export const MINUTE = 60_000;
export const ID = '11010519491231002X';
/** A document the block list holds. */
export const BLOCKED_ID = '110101199003074477';

export interface KioskVisitors {
	database: TestDatabase;
	siteId: string;
	kioskId: string;
	otherKioskId: string;
	supervisor: string;
	/** Each demo home, with the surname of its first resident. */
	homes: { unitId: string; surname: string }[];
	/** A checked registration for a home, 刘备 with `ID` unless overridden. */
	entry(home: number, overrides?: Partial<Record<string, string | boolean>>): VisitorEntry;
	/** Registers at `kioskId`; throws when refused. */
	register(
		home: number,
		overrides?: Partial<Record<string, string | boolean>>,
		now?: Date
	): ReturnType<typeof registeredVisit>;
}

async function registeredVisit(
	database: TestDatabase,
	input: { siteId: string; kioskId: string; entry: VisitorEntry },
	now: Date
) {
	const result = await registerVisit(
		database.db,
		{ ...input, idempotencyKey: crypto.randomUUID() },
		now
	);
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	return result.visit;
}

/** The demo estate with two kiosks and one blocked document, for the kiosk's visitor tests. */
export async function kioskVisitors(): Promise<KioskVisitors> {
	const database = await createDemoDatabase();
	const siteId = (await defaultSite(database.db))?.id ?? '';
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
	const kioskId = await kiosk('lobby kiosk');
	const otherKioskId = await kiosk('side door kiosk');
	const supervisor = await staffIdOf(database, 'supervisor');
	const units = await kioskUnits(database.db, siteId);
	const people = demoResidents(units.length);
	const homes = units.map((unit, i) => ({
		unitId: unit.id,
		surname: [...(people[i]?.[0]?.name ?? '')][0] ?? ''
	}));
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

	const entry: KioskVisitors['entry'] = (home, overrides = {}) => {
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
		return checked.visitor;
	};
	return {
		database,
		siteId,
		kioskId,
		otherKioskId,
		supervisor,
		homes,
		entry,
		register: (home, overrides = {}, now = NOW) =>
			registeredVisit(database, { siteId, kioskId, entry: entry(home, overrides) }, now)
	};
}
