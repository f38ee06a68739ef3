import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLogQuery } from '../../src/lib/domain/visitors/visitor-log-query.js';
import { checkVisitorForm, type VisitorForm } from '../../src/lib/domain/visitors/visitor-form.js';
import { messagesFor } from '../../src/lib/i18n/messages.js';
import { events, sites, visitorBlocks } from '../../src/lib/server/db/schema/index.js';
import { registerDevice } from '../../src/lib/server/devices.js';
import { kioskUnits } from '../../src/lib/server/kiosk.js';
import { defaultSite } from '../../src/lib/server/sites.js';
import { blockFromForm, blockFromVisit } from '../../src/lib/server/visitors/block-entries.js';
import { liftBlock, listBlocks } from '../../src/lib/server/visitors/blocks.js';
import { registerVisit } from '../../src/lib/server/visitors/register-visit.js';
import { decideVisit, signOutVisit } from '../../src/lib/server/visitors/visit-moves.js';
import { searchVisitorLog, visitorLogCsv } from '../../src/lib/server/visitors/visitor-log.js';
import {
	readVisitorSettings,
	saveVisitorSettings
} from '../../src/lib/server/visitors/visitor-settings.js';
import { sweepVisitors } from '../../src/lib/server/visitors/visitor-sweep.js';
import { demoResidents } from '../../src/lib/server/demo-seed.js';
import { createDemoDatabase, staffIdOf, type TestDatabase } from '../helpers/test-database.js';

// The visitor log, its export, the block list and the visitor settings on a real database.
// 10:00 in Shanghai on 22 November 2026; one visit 200 days earlier, past the retention period.

const NOW = new Date('2026-11-22T02:00:00Z');
const TODAY = '2026-11-22';
const LONG_AGO = new Date(NOW.getTime() - 200 * 86_400_000);
const RESIDENT_ID = '11010519491231002X';

let database: TestDatabase;
let site: { id: string; timeZone: string };
let kioskId: string;
let homes: { id: string; surname: string }[];
let supervisor: { kind: 'staff'; staffId: string };
let director: string;

beforeAll(async () => {
	database = await createDemoDatabase();
	const found = await defaultSite(database.db);
	if (!found) throw new Error('no demo site');
	site = { id: found.id, timeZone: found.timeZone };
	const { device } = await registerDevice(database.db, {
		siteId: site.id,
		kind: 'kiosk',
		audience: 'lobby',
		name: 'lobby kiosk',
		actor: { kind: 'system' }
	});
	kioskId = device.id;
	const people = demoResidents(40);
	homes = (await kioskUnits(database.db, site.id)).map((u, i) => ({
		id: u.id,
		surname: [...(people[i]?.[0]?.name ?? '')][0] ?? ''
	}));
	supervisor = { kind: 'staff', staffId: await staffIdOf(database, 'supervisor') };
	director = await staffIdOf(database, 'director');
});
afterAll(() => database.dispose());

let keys = 0;
async function visit(home: number, over: Partial<VisitorForm> = {}, at = NOW) {
	const checked = checkVisitorForm({
		name: '张伟',
		phone: '13800000001',
		idType: 'passport',
		idNumber: 'E12345678',
		unitId: homes[home]?.id ?? '',
		hostSurname: homes[home]?.surname ?? '',
		purpose: 'visit_family',
		purposeText: '',
		party: '1',
		...over
	});
	if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
	const result = await registerVisit(
		database.db,
		{ siteId: site.id, kioskId, entry: checked.visitor, idempotencyKey: `k${++keys}` },
		at
	);
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	return result.visit;
}

const search = async (fields: Record<string, string>) => {
	const parsed = parseLogQuery(new URLSearchParams(fields), TODAY);
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
	return searchVisitorLog(database.db, site, parsed.query);
};

describe('the visitor log', () => {
	let old: string;
	let hostile: string;
	let withId: string;

	beforeAll(async () => {
		old = (await visit(1, { name: '赵旧客', phone: '13700000009' }, LONG_AGO)).id;
		const minutesAgo = (n: number) => new Date(NOW.getTime() - n * 60_000);
		hostile = (await visit(2, { name: '=HYPERLINK("x")', phone: '13911112222' }, minutesAgo(30)))
			.id;
		withId = (
			await visit(
				3,
				{
					name: '李四',
					phone: '13933334444',
					idType: 'resident_id',
					idNumber: RESIDENT_ID,
					purpose: 'other',
					purposeText: '送钥匙, "急"'
				},
				minutesAgo(20)
			)
		).id;
		await visit(3, { name: 'Anna Lee', phone: '13955556666', party: '3' }, minutesAgo(10));
		await decideVisit(
			database.db,
			{
				siteId: site.id,
				visitId: withId,
				decision: 'approve',
				by: { kind: 'desk', staffId: supervisor.staffId }
			},
			NOW
		);
		await signOutVisit(
			database.db,
			{ siteId: site.id, visitId: withId, actor: supervisor },
			new Date(NOW.getTime() + 3_600_000)
		);
		// Past the site's 180 days: the sweep anonymises it.
		await sweepVisitors(database.db, NOW);
	});

	it('shows today’s visits, newest first, with the desk’s decision and the sign-out', async () => {
		const page = await search({});
		expect(page.total).toBe(3);
		expect(page.rows.map((r) => r.name)).toEqual(['Anna Lee', '李四', '=HYPERLINK("x")']);
		const li = page.rows.find((r) => r.id === withId);
		expect(li).toMatchObject({
			status: 'signed_out',
			decidedBy: { kind: 'staff' },
			idType: 'resident_id',
			idLast4: '002X',
			purposeText: '送钥匙, "急"'
		});
		expect(li?.passNumber).toMatch(/^V-20261122-/);
		expect(li?.signedOutAt).toEqual(new Date(NOW.getTime() + 3_600_000));
	});

	it('filters by home, name, phone and the ID number’s hash', async () => {
		expect((await search({ unit: homes[3]?.id ?? '' })).total).toBe(2);
		expect((await search({ name: 'anna' })).rows.map((r) => r.name)).toEqual(['Anna Lee']);
		expect((await search({ name: '%' })).total).toBe(0);
		expect((await search({ phone: '3333' })).rows.map((r) => r.id)).toEqual([withId]);
		expect((await search({ phone: '13911112222' })).rows.map((r) => r.id)).toEqual([hostile]);
		const byId = await search({ idType: 'resident_id', idNumber: RESIDENT_ID.toLowerCase() });
		expect(byId.rows.map((r) => r.id)).toEqual([withId]);
		expect((await search({ idType: 'passport', idNumber: 'E12345678' })).total).toBe(2);
		expect((await search({ from: '2026-11-23', to: '2026-11-30' })).total).toBe(0);
	});

	it('keeps an anonymised visit’s time, home and party, and nothing that names anyone', async () => {
		const day = LONG_AGO.toISOString().slice(0, 10);
		const page = await search({ from: day, to: day });
		expect(page.rows).toHaveLength(1);
		expect(page.rows[0]).toMatchObject({
			id: old,
			anonymised: true,
			name: null,
			phone: null,
			idLast4: null,
			hostSurname: null,
			blockable: false,
			party: 1
		});
		const csv = await visitorLogCsv(
			database.db,
			site,
			{ ...parseQuery({ from: day, to: day }) },
			messagesFor('zh-CN')
		);
		expect(csv).toContain('已匿名');
		expect(csv).not.toContain('赵旧客');
		expect(csv).not.toContain('13700000009');
	});

	it('exports the search for Excel, in the reader’s language, formulas neutralised', async () => {
		const zh = await visitorLogCsv(database.db, site, parseQuery({}), messagesFor('zh-CN'));
		expect(zh.startsWith('\uFEFF来访时间,通行证号,姓名,手机号码,证件,拜访住户,')).toBe(true);
		const lines = zh.slice(1).split('\r\n');
		expect(lines).toHaveLength(5); // header, three visits, the final line break
		expect(zh).toContain(`"'=HYPERLINK(""x"")"`);
		expect(zh).toContain('"其他：送钥匙, ""急"""');
		expect(zh).toContain('居民身份证 ****002X');
		expect(zh).not.toContain(RESIDENT_ID);
		const en = await visitorLogCsv(database.db, site, parseQuery({}), messagesFor('en'));
		expect(en.startsWith('\uFEFFArrived,Pass,Name,Phone,ID,Home visited,')).toBe(true);
	});
});

function parseQuery(fields: Record<string, string>) {
	const parsed = parseLogQuery(new URLSearchParams(fields), TODAY);
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
	return parsed.query;
}

describe('the block list', () => {
	it('sends a visitor with a blocked phone to the desk, until the entry is lifted', async () => {
		const added = await blockFromForm(
			database.db,
			{
				siteId: site.id,
				form: { name: '钱六', phone: '139 0000 7777', idType: '', idNumber: '', reason: '滋扰' },
				actor: supervisor
			},
			NOW
		);
		if (!added.ok) throw new Error('not added');
		const blocked = await visit(5, { name: '钱六', phone: '13900007777' });
		expect(blocked).toMatchObject({ status: 'at_desk', atDeskReason: 'visitor_blocked' });
		expect(
			await liftBlock(database.db, { siteId: site.id, blockId: added.id, actor: supervisor })
		).toBe(true);
		expect(
			await liftBlock(database.db, { siteId: site.id, blockId: added.id, actor: supervisor })
		).toBe(false);
		expect(await visit(5, { name: '钱六', phone: '13900007777' })).toMatchObject({
			status: 'waiting_host'
		});
	});

	it('blocks a visitor from the log by their document, whatever phone they bring next', async () => {
		const first = await visit(6, {
			name: '孙七',
			phone: '13900008888',
			idType: 'passport',
			idNumber: 'G7654321'
		});
		const result = await blockFromVisit(
			database.db,
			{ siteId: site.id, visitId: first.id, reason: '  冒充快递  ', actor: supervisor },
			NOW
		);
		if (!result.ok) throw new Error('not blocked');
		const [entry] = (await listBlocks(database.db, site.id)).filter((b) => b.id === result.id);
		expect(entry).toMatchObject({
			name: '孙七',
			phone: '13900008888',
			idType: 'passport',
			idLast4: '4321',
			reason: '冒充快递'
		});
		const [stored] = await database.db
			.select({ idHash: visitorBlocks.idHash })
			.from(visitorBlocks)
			.where(eq(visitorBlocks.id, result.id));
		expect(stored?.idHash).toMatch(/^[0-9a-f]{64}$/);
		const again = await visit(6, {
			name: '孙七',
			phone: '13600001111',
			idType: 'passport',
			idNumber: 'g 7654321'
		});
		expect(again).toMatchObject({ status: 'at_desk', atDeskReason: 'visitor_blocked' });
	});

	it('refuses a missing reason, an unknown visit and a typed entry with nothing to match', async () => {
		const any = await visit(7, { name: '周八', phone: '13900009999' });
		expect(
			await blockFromVisit(database.db, {
				siteId: site.id,
				visitId: any.id,
				reason: ' ',
				actor: supervisor
			})
		).toEqual({ ok: false, errors: { reason: 'visitBlockReasonRequired' } });
		expect(
			await blockFromVisit(database.db, {
				siteId: site.id,
				visitId: 'not-a-uuid',
				reason: '原因',
				actor: supervisor
			})
		).toEqual({ ok: false, error: 'visitNotFound' });
		const before = (await listBlocks(database.db, site.id)).length;
		const refused = await blockFromForm(database.db, {
			siteId: site.id,
			form: { name: '吴九', phone: '', idType: '', idNumber: '', reason: '原因' },
			actor: supervisor
		});
		expect(refused).toEqual({ ok: false, errors: { phone: 'visitBlockMatchRequired' } });
		expect((await listBlocks(database.db, site.id)).length).toBe(before);
	});
});

describe('the visitor settings', () => {
	it('refuses out-of-range values and writes nothing', async () => {
		const result = await saveVisitorSettings(database.db, {
			siteId: site.id,
			staffId: director,
			form: { visitorConsentMinutes: '0', visitorRetentionDays: '20' }
		});
		expect(result).toEqual({
			ok: false,
			errors: {
				visitorConsentMinutes: 'visitSettingsConsentRange',
				visitorRetentionDays: 'visitSettingsRetentionRange'
			}
		});
		expect(await readVisitorSettings(database.db, site.id)).toEqual({
			visitorConsentMinutes: 3,
			visitorRetentionDays: 180
		});
	});

	it('saves the two fields, keeps the site’s other settings, and records the change', async () => {
		await database.db
			.update(sites)
			.set({ settings: { kioskIdleSeconds: 90 } })
			.where(eq(sites.id, site.id));
		const result = await saveVisitorSettings(database.db, {
			siteId: site.id,
			staffId: director,
			form: { visitorConsentMinutes: '5', visitorRetentionDays: '365' }
		});
		expect(result).toMatchObject({ ok: true });
		const [row] = await database.db
			.select({ settings: sites.settings })
			.from(sites)
			.where(eq(sites.id, site.id));
		expect(row?.settings).toEqual({
			kioskIdleSeconds: 90,
			visitorConsentMinutes: 5,
			visitorRetentionDays: 365
		});
		const [event] = await database.db
			.select()
			.from(events)
			.where(eq(events.type, 'site.visitor_settings_changed'));
		expect(event).toMatchObject({
			actorStaffId: director,
			data: {
				before: { visitorConsentMinutes: 3, visitorRetentionDays: 180 },
				after: { visitorConsentMinutes: 5, visitorRetentionDays: 365 }
			}
		});
	});
});
