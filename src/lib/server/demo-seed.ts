import { seedSiteClocks } from './clocks/site-clock-rules.js';
import type { CareFlag, ResidentKind, StaffRole } from '../domain/vocabulary.js';
import { STAFF_ROLES } from '../domain/vocabulary.js';
import type { Queryable } from './db/client.js';
import {
	buildings,
	households,
	residents,
	serviceItems,
	sites,
	staffRoles,
	staffUsers,
	units
} from './db/schema/index.js';
import { hashPassword } from './auth/password.js';
import { fileTicket } from './tickets.js';

/** Demo mode only: every role signs in with its own name and this password. */
export const DEMO_PASSWORD = 'lobbydesk';

const DEMO_STAFF: Record<StaffRole, string> = {
	director: '周建国',
	supervisor: '陈丽',
	assistant: '王芳',
	engineer: '李师傅',
	guard: '赵强',
	admin: '系统管理员'
};

const SURNAMES = [
	'王',
	'李',
	'张',
	'刘',
	'陈',
	'杨',
	'黄',
	'赵',
	'吴',
	'周',
	'徐',
	'孙',
	'马',
	'朱',
	'胡',
	'郭'
];
const GIVEN = [
	'伟',
	'芳',
	'娜',
	'敏',
	'静',
	'强',
	'磊',
	'洋',
	'艳',
	'勇',
	'军',
	'杰',
	'娟',
	'涛',
	'明',
	'超',
	'秀英',
	'桂兰',
	'建华',
	'志强'
];

/** A deterministic demo: the same names and numbers on every fresh start. */
function demoName(i: number): string {
	return `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}`;
}

function demoPhone(i: number): string {
	return `139${String(10_000_000 + ((i * 7_919_993) % 89_999_999)).padStart(8, '0')}`;
}

const CARE_BY_UNIT: Record<number, CareFlag[]> = {
	3: ['elderly'],
	11: ['disabled'],
	22: ['pregnant'],
	30: ['elderly', 'sick']
};

export interface DemoResident {
	name: string;
	phone: string;
	kind: ResidentKind;
	careFlags: CareFlag[];
	isPrimaryContact: boolean;
}

/**
 * The demo's residents, home by home in the order the homes are created (building, entrance,
 * floor, room): the same on every fresh start, so the tests know who lives where.
 */
export function demoResidents(homes: number): DemoResident[][] {
	let person = 0;
	return Array.from({ length: homes }, (_, i) => {
		const kinds: ResidentKind[] =
			i % 5 === 4 ? ['tenant'] : i % 3 === 0 ? ['owner', 'family'] : ['owner'];
		return kinds.map((kind, k) => {
			person += 1;
			return {
				name: demoName(person),
				phone: demoPhone(person),
				kind,
				careFlags: k === 0 ? (CARE_BY_UNIT[i] ?? []) : [],
				isPrimaryContact: k === 0
			};
		});
	});
}

/** Seeds the demo estate, in the caller's transaction (see `prepareFirstRun`). */
export async function seedDemo(tx: Queryable): Promise<void> {
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	const [site] = await tx
		.insert(sites)
		.values({
			slug: 'demo',
			name: '锦绣花园',
			nameEn: 'Jinxiu Garden',
			timeZone: 'Asia/Shanghai'
		})
		.returning({ id: sites.id });
	if (!site) throw new Error('Site insert returned no row');
	await seedSiteClocks(tx, site.id);

	const builtBuildings = await tx
		.insert(buildings)
		.values(
			[1, 2].map((n) => ({
				siteId: site.id,
				code: String(n),
				name: `${n}号楼`,
				nameEn: `Building ${n}`,
				floors: 5,
				sortOrder: n
			}))
		)
		.returning({ id: buildings.id, code: buildings.code });

	// 2 buildings × 2 entrances × 5 floors × 2 rooms = 40 units.
	const unitRows = builtBuildings.flatMap((b) =>
		['1', '2'].flatMap((entrance) =>
			[1, 2, 3, 4, 5].flatMap((floor) =>
				[1, 2].map((r) => ({
					siteId: site.id,
					buildingId: b.id,
					entrance,
					floor,
					room: `${floor}0${r}`
				}))
			)
		)
	);
	const builtUnits = await tx.insert(units).values(unitRows).returning({ id: units.id });
	const builtHouseholds = await tx
		.insert(households)
		.values(builtUnits.map((u) => ({ siteId: site.id, unitId: u.id, movedInOn: '2024-05-01' })))
		.returning({ id: households.id });

	const people = demoResidents(builtHouseholds.length);
	await tx
		.insert(residents)
		.values(
			builtHouseholds.flatMap((h, i) =>
				(people[i] ?? []).map((person) => ({ ...person, householdId: h.id }))
			)
		);

	await tx.insert(serviceItems).values(
		[
			[
				'cleaning-basic',
				'cleaning',
				'日常保洁（两小时）',
				'Home cleaning (2 hours)',
				'次',
				'visit',
				8000
			],
			['pipe-unblock', 'pipe_unblocking', '疏通下水管道', 'Unblock a drain', '处', 'drain', 5000],
			[
				'light-install',
				'installation',
				'安装灯具',
				'Install a light fitting',
				'盏',
				'fitting',
				2000
			],
			['faucet-replace', 'appliance_repair', '更换水龙头', 'Replace a tap', '个', 'tap', 1500],
			[
				'moving-help',
				'moving',
				'搬家协助（每小时）',
				'Moving help (per hour)',
				'小时',
				'hour',
				6000
			],
			[
				'water-delivery',
				'delivery',
				'桶装水送水上门',
				'Bottled water delivery',
				'桶',
				'bottle',
				300
			],
			['print-a4', 'printing', '复印打印（A4）', 'Copy or print (A4)', '页', 'page', 50]
		].map(([code, category, name, nameEn, unit, unitEn, labourFen], i) => ({
			siteId: site.id,
			code: String(code),
			category: String(category),
			name: String(name),
			nameEn: String(nameEn),
			unit: String(unit),
			unitEn: String(unitEn),
			labourFen: Number(labourFen),
			sortOrder: i
		}))
	);

	for (const role of STAFF_ROLES) {
		const [user] = await tx
			.insert(staffUsers)
			.values({ username: role, displayName: DEMO_STAFF[role], passwordHash })
			.returning({ id: staffUsers.id });
		if (!user) throw new Error('Staff insert returned no row');
		await tx.insert(staffRoles).values({ userId: user.id, siteId: site.id, role });
	}
	await fileTicket(tx, {
		siteId: site.id,
		type: 'repair',
		category: 'water',
		channel: 'kiosk',
		unitId: builtUnits[0]?.id ?? null,
		description: '厨房水槽下方漏水',
		actor: { kind: 'system' }
	});
	await fileTicket(tx, {
		siteId: site.id,
		type: 'complaint',
		category: 'noise',
		channel: 'phone',
		unitId: builtUnits[13]?.id ?? null,
		description: '楼上夜间装修噪音',
		actor: { kind: 'system' }
	});
}
