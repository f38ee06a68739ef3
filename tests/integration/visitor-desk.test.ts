import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, visits } from '../../src/lib/server/db/schema/index.js';
import type { Site } from '../../src/lib/server/sites.js';
import {
	deskAlert,
	deskViews,
	visitByPass,
	visitsByDocument
} from '../../src/lib/server/visitors/desk-views.js';
import { idHash } from '../../src/lib/server/visitors/id-hash.js';
import { createInvitation } from '../../src/lib/server/visitors/invitations.js';
import type { Visit } from '../../src/lib/server/visitors/register-visit.js';
import {
	cancelVisit,
	decideVisit,
	signOutVisit
} from '../../src/lib/server/visitors/visit-moves.js';
import { sweepVisitors } from '../../src/lib/server/visitors/visitor-sweep.js';
import { demoKioskVisitors, residentIdNumber, VISITOR_NAMES } from '../helpers/desk-visitors.js';
import { createDemoDatabase, staffIdOf, type TestDatabase } from '../helpers/test-database.js';

// The visitor desk and the guard on a real database: what the desk's lists hold, deciding for a
// silent host, two desks at once, signing out, and checking a pass. Times are fixed: 10:00 in
// Shanghai on 22 November 2026.

const NOW = new Date('2026-11-22T02:00:00Z');
const TODAY = '2026-11-22';
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** The site's midnights around NOW (Asia/Shanghai, UTC+8). */
const MIDNIGHT_TODAY = new Date('2026-11-21T16:00:00Z');
const MIDNIGHT_TONIGHT = new Date('2026-11-22T16:00:00Z');

let database: TestDatabase;
let site: Site;
let unitIds: string[];
let register: Awaited<ReturnType<typeof demoKioskVisitors>>['register'];
let assistant: string;
let guard: string;

beforeAll(async () => {
	database = await createDemoDatabase();
	({ site, unitIds, register } = await demoKioskVisitors(database));
	assistant = await staffIdOf(database, 'assistant');
	guard = await staffIdOf(database, 'guard');
});
afterAll(() => database.dispose());

const byDesk = (staffId: string) => ({ kind: 'desk' as const, staffId });
const views = (now = NOW) => deskViews(database.db, site, { now });
const ids = (list: { id: string }[]) => list.map((v) => v.id);

describe('the visitor desk', () => {
	let silent: Visit;
	let recent: Visit;

	it('lists who waits, oldest first, with when the desk takes over, and only a masked ID', async () => {
		silent = (await register(1, new Date(NOW.getTime() - 10 * MINUTE))).visit;
		recent = (await register(2, new Date(NOW.getTime() - MINUTE))).visit;

		const { waiting, onSite, today } = await views();
		expect(today).toBe(TODAY);
		expect(ids(waiting)).toEqual([silent.id, recent.id]);
		const [first] = waiting;
		expect(first?.status).toBe('waiting_host');
		// The site's consent time (3 minutes by default) after arrival.
		expect(first?.deskAt).toEqual(new Date(silent.createdAt.getTime() + 3 * MINUTE));
		expect(first?.idMasked).toBe(`****${silent.idLast4}`);
		expect(first?.unit).toEqual({ building: '1', entrance: '1', room: '102' });
		expect(first?.party).toBe(2);
		expect(Object.keys(first ?? {})).not.toContain('idHash');
		expect(ids(onSite)).not.toContain(silent.id);
		expect(await deskAlert(database.db, site.id)).toEqual({ atDesk: 0, waiting: 2, latest: [] });
	});

	it('hands a silent host’s visitor to the desk, where staff approve on the host’s word by phone', async () => {
		await sweepVisitors(database.db, NOW);
		const before = await views();
		const handed = before.waiting.find((v) => v.id === silent.id);
		expect(handed).toMatchObject({ status: 'at_desk', atDeskReason: 'host_silent', deskAt: null });
		expect(before.waiting.find((v) => v.id === recent.id)?.status).toBe('waiting_host');
		expect(await deskAlert(database.db, site.id)).toEqual({
			atDesk: 1,
			waiting: 2,
			latest: [{ id: silent.id, unit: { building: '1', entrance: '1', room: '102' } }]
		});

		const result = await decideVisit(
			database.db,
			{
				siteId: site.id,
				visitId: silent.id,
				decision: 'approve',
				by: byDesk(assistant),
				note: ' 已电话联系住户同意 '
			},
			NOW
		);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.visit.passNumber).toMatch(/^V-20261122-\d{3}$/);
		expect(result.visit.note).toBe('已电话联系住户同意');
		expect(result.visit.decidedByStaffId).toBe(assistant);

		const after = await views();
		expect(ids(after.waiting)).toEqual([recent.id]);
		expect(after.onSite.find((v) => v.id === silent.id)?.passNumber).toBe(result.visit.passNumber);
		expect(await deskAlert(database.db, site.id)).toEqual({ atDesk: 0, waiting: 1, latest: [] });
		silent = result.visit;
	});

	it('lets one of two desks deciding at once win; the other is told it was already decided', async () => {
		const results = await Promise.all([
			decideVisit(
				database.db,
				{ siteId: site.id, visitId: recent.id, decision: 'approve', by: byDesk(assistant) },
				NOW
			),
			decideVisit(
				database.db,
				{ siteId: site.id, visitId: recent.id, decision: 'refuse', by: byDesk(guard) },
				NOW
			)
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.find((r) => !r.ok)).toEqual({ ok: false, error: 'visitAlreadyDecided' });
		const [row] = await database.db.select().from(visits).where(eq(visits.id, recent.id));
		const winner = results.find((r) => r.ok);
		expect(row?.status).toBe(winner?.ok ? winner.visit.status : 'none');
	});

	it('signs a visitor out once; signing out again hears the pass is closed', async () => {
		const pass = silent.passNumber ?? '';
		const out = await signOutVisit(
			database.db,
			{ siteId: site.id, visitId: silent.id, actor: { kind: 'staff', staffId: guard } },
			NOW
		);
		expect(out.ok && out.visit.status).toBe('signed_out');
		const again = await signOutVisit(
			database.db,
			{ siteId: site.id, visitId: silent.id, actor: { kind: 'staff', staffId: guard } },
			NOW
		);
		expect(again).toEqual({ ok: false, error: 'visitPassClosed' });
		const byPass = await signOutVisit(
			database.db,
			{ siteId: site.id, pass: pass.toLowerCase(), actor: { kind: 'staff', staffId: guard } },
			NOW
		);
		expect(byPass).toEqual({ ok: false, error: 'visitPassClosed' });
		const unknown = await signOutVisit(
			database.db,
			{ siteId: site.id, pass: 'V-20261122-999', actor: { kind: 'staff', staffId: guard } },
			NOW
		);
		expect(unknown).toEqual({ ok: false, error: 'visitPassUnknown' });
		expect(ids((await views()).onSite)).not.toContain(silent.id);
	});

	it('keeps names and phones out of the visit events', async () => {
		const rows = await database.db
			.select({ type: events.type, data: events.data })
			.from(events)
			.where(and(eq(events.siteId, site.id), like(events.type, 'visit.%')));
		expect(rows.length).toBeGreaterThan(4);
		const text = JSON.stringify(rows);
		for (const name of VISITOR_NAMES) expect(text).not.toContain(name);
		expect(text).not.toContain('1370000');
	});
});

describe('the guard’s check', () => {
	let visit: Visit;
	let idNumber: string;

	beforeAll(async () => {
		const registration = await register(4, new Date(NOW.getTime() - 5 * MINUTE));
		idNumber = registration.idNumber;
		const result = await decideVisit(
			database.db,
			{ siteId: site.id, visitId: registration.visit.id, decision: 'approve', by: byDesk(guard) },
			NOW
		);
		if (!result.ok) throw new Error(result.error);
		visit = result.visit;
	});

	it('finds a pass however it is typed; valid on its own day, until the site’s midnight', async () => {
		const checked = await visitByPass(
			database.db,
			site,
			` ${(visit.passNumber ?? '').toLowerCase()} `,
			NOW
		);
		expect(checked).toMatchObject({
			id: visit.id,
			status: 'approved',
			valid: true,
			validUntil: MIDNIGHT_TONIGHT,
			idMasked: `****${idNumber.slice(-4)}`
		});
		expect(await visitByPass(database.db, site, 'V-20261122-998', NOW)).toBeNull();
	});

	it('calls a pass of another day not valid, even before the sweep has closed it', async () => {
		const tomorrow = await visitByPass(
			database.db,
			site,
			visit.passNumber ?? '',
			new Date(NOW.getTime() + DAY)
		);
		expect(tomorrow).toMatchObject({ status: 'approved', valid: false });
		const justAfterMidnight = await visitByPass(
			database.db,
			site,
			visit.passNumber ?? '',
			MIDNIGHT_TONIGHT
		);
		expect(justAfterMidnight?.valid).toBe(false);
	});

	it('finds today’s visits on a document by its keyed hash alone', async () => {
		const hash = await idHash(database.db, 'resident_id', idNumber);
		const found = await visitsByDocument(database.db, site, hash, NOW);
		expect(ids(found)).toEqual([visit.id]);
		expect(found[0]?.valid).toBe(true);
		const other = await idHash(database.db, 'resident_id', residentIdNumber(999));
		expect(await visitsByDocument(database.db, site, other, NOW)).toEqual([]);
	});
});

describe('the edges of the day', () => {
	it('lists the passes the site’s midnight closed since the previous day began, and today’s invitations', async () => {
		// Approved three days ago and closed by that night's sweep: too old to list.
		const old = (await register(5, new Date(NOW.getTime() - 3 * DAY))).visit;
		await decideVisit(
			database.db,
			{ siteId: site.id, visitId: old.id, decision: 'approve', by: byDesk(assistant) },
			new Date(NOW.getTime() - 3 * DAY + MINUTE)
		);
		await sweepVisitors(database.db, new Date(NOW.getTime() - 2 * DAY));

		// Approved yesterday and still inside when today began.
		const late = (await register(6, new Date(NOW.getTime() - DAY))).visit;
		const approved = await decideVisit(
			database.db,
			{ siteId: site.id, visitId: late.id, decision: 'approve', by: byDesk(assistant) },
			new Date(NOW.getTime() - DAY + MINUTE)
		);
		if (!approved.ok) throw new Error(approved.error);

		const invite = (date: string) =>
			createInvitation(database.db, {
				siteId: site.id,
				unitId: unitIds[7] ?? '',
				visitDate: date,
				name: '王小二',
				party: 3,
				purpose: 'delivery',
				by: byDesk(assistant)
			});
		const today = await invite(TODAY);
		const tomorrow = await invite('2026-11-23');
		if (!today.ok || !tomorrow.ok) throw new Error('invitation refused');

		await sweepVisitors(database.db, NOW);
		const { closedAtDayEnd, expectedToday, onSite } = await views();
		expect(ids(closedAtDayEnd)).toEqual([late.id]);
		expect(closedAtDayEnd[0]).toMatchObject({
			status: 'auto_signed_out',
			passNumber: approved.visit.passNumber,
			signedOutAt: MIDNIGHT_TODAY
		});
		expect(ids(onSite)).not.toContain(late.id);
		expect(ids(expectedToday)).toEqual([today.visit.id]);
		expect(expectedToday[0]).toMatchObject({
			inviteCode: today.visit.inviteCode,
			name: '王小二',
			party: 3,
			idMasked: null
		});

		const withdrawn = await cancelVisit(
			database.db,
			{ siteId: site.id, visitId: today.visit.id, actor: { kind: 'staff', staffId: assistant } },
			NOW
		);
		expect(withdrawn.ok).toBe(true);
		expect((await views()).expectedToday).toEqual([]);
	});
});
