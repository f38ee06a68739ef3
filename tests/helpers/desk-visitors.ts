import { checkVisitorForm, type VisitorForm } from '../../src/lib/domain/visitors/visitor-form.js';
import { demoResidents } from '../../src/lib/server/demo-seed.js';
import { registerDevice } from '../../src/lib/server/devices.js';
import { kioskUnits } from '../../src/lib/server/kiosk.js';
import { defaultSite, type Site } from '../../src/lib/server/sites.js';
import { registerVisit, type Visit } from '../../src/lib/server/visitors/register-visit.js';
import type { TestDatabase } from './test-database.js';

/** Names of visitors, none of them a demo resident's. */
export const VISITOR_NAMES = [
	'钱多多',
	'孙悟空',
	'周小舟',
	'吴一凡',
	'郑秋冬',
	'冯远征',
	'陈晓晓',
	'褚明明'
];

/** A resident ID number with a right check character (GB 11643), one per sequence number. */
export function residentIdNumber(sequence: number): string {
	const day = String(10 + (sequence % 18)).padStart(2, '0');
	const first17 = `110105199001${day}${String(sequence % 1000).padStart(3, '0')}`;
	const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
	const sum = [...first17].reduce((s, d, i) => s + Number(d) * (weights[i] ?? 0), 0);
	return first17 + ('10X98765432'[sum % 11] ?? '');
}

/**
 * The demo site's lobby kiosk for data-layer tests: registers first-time visitors for a demo
 * home (naming its first resident's surname) at the instant given, each with their own document.
 */
export async function demoKioskVisitors(database: TestDatabase) {
	const site: Site | null = await defaultSite(database.db);
	if (!site) throw new Error('no demo site');
	const kiosk = await registerDevice(database.db, {
		siteId: site.id,
		kind: 'kiosk',
		audience: 'lobby',
		name: 'lobby kiosk',
		actor: { kind: 'system' }
	});
	const unitIds = (await kioskUnits(database.db, site.id)).map((u) => u.id);
	let registered = 0;

	async function register(home: number, at: Date): Promise<{ visit: Visit; idNumber: string }> {
		registered += 1;
		const host = demoResidents(40)[home]?.[0]?.name ?? '';
		const idNumber = residentIdNumber(registered);
		const form: VisitorForm = {
			name: VISITOR_NAMES[registered % VISITOR_NAMES.length] ?? '访客',
			phone: `1370000${String(1000 + registered)}`,
			idType: 'resident_id',
			idNumber,
			unitId: unitIds[home] ?? '',
			hostSurname: [...host][0] ?? '',
			purpose: 'visit_family',
			purposeText: '',
			party: '2'
		};
		const checked = checkVisitorForm(form);
		if (!checked.ok) throw new Error(`form refused: ${JSON.stringify(checked.errors)}`);
		const result = await registerVisit(
			database.db,
			{
				siteId: site?.id ?? '',
				kioskId: kiosk.device.id,
				entry: checked.visitor,
				idempotencyKey: crypto.randomUUID()
			},
			at
		);
		if (!result.ok) throw new Error(`registration refused: ${JSON.stringify(result.errors)}`);
		return { visit: result.visit, idNumber };
	}

	return { site, unitIds, register };
}
