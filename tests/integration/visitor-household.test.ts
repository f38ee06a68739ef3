import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkVisitorForm, type VisitorForm } from '../../src/lib/domain/visitors/visitor-form.js';
import { households, visits } from '../../src/lib/server/db/schema/index.js';
import { demoResidents } from '../../src/lib/server/demo-seed.js';
import { registerDevice } from '../../src/lib/server/devices.js';
import { mintHouseholdLink, resolveHouseholdLink } from '../../src/lib/server/household-links.js';
import { kioskUnits } from '../../src/lib/server/kiosk.js';
import { defaultSite } from '../../src/lib/server/sites.js';
import { addBlock } from '../../src/lib/server/visitors/blocks.js';
import {
	hostCancelInvitation,
	hostDecide,
	hostInvite,
	householdPage,
	type HouseholdAccess
} from '../../src/lib/server/visitors/household-view.js';
import { useInvitation } from '../../src/lib/server/visitors/invitations.js';
import { registerVisit } from '../../src/lib/server/visitors/register-visit.js';
import { decideVisit } from '../../src/lib/server/visitors/visit-moves.js';
import { sweepVisitors } from '../../src/lib/server/visitors/visitor-sweep.js';
import { createDemoDatabase, staffIdOf, type TestDatabase } from '../helpers/test-database.js';

// The household's phone page: what a link's household sees of its visitors and what it may do.
// 10:00 in Shanghai on 22 November 2026.

const NOW = new Date('2026-11-22T02:00:00Z');
const TODAY = '2026-11-22';
const MINUTE = 60_000;

let database: TestDatabase;
let siteId: string;
let kioskId: string;
let staffId: string;
let homes: { id: string; surname: string }[];

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
	kioskId = device.id;
	staffId = await staffIdOf(database, 'assistant');
	const people = demoResidents(40);
	homes = (await kioskUnits(database.db, siteId)).map((u, i) => ({
		id: u.id,
		surname: [...(people[i]?.[0]?.name ?? '')][0] ?? ''
	}));
});
afterAll(() => database.dispose());

/** The household of a demo home, as its link opens it. */
async function household(home: number): Promise<HouseholdAccess> {
	const unitId = homes[home]?.id ?? '';
	const [row] = await database.db
		.select({ id: households.id })
		.from(households)
		.where(eq(households.unitId, unitId));
	const link = await mintHouseholdLink(database.db, row?.id ?? '', NOW);
	const resolved = await resolveHouseholdLink(database.db, link.token, NOW);
	if (!resolved.ok) throw new Error(resolved.reason);
	return resolved;
}

let keys = 0;
async function arrive(home: number, over: Partial<VisitorForm> = {}, at = NOW) {
	const checked = checkVisitorForm({
		name: '王小明',
		phone: '13812345678',
		idType: 'resident_id',
		idNumber: '11010519491231002X',
		unitId: homes[home]?.id ?? '',
		hostSurname: homes[home]?.surname ?? '',
		purpose: 'delivery',
		purposeText: '',
		party: '2',
		...over
	});
	if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
	const result = await registerVisit(
		database.db,
		{ siteId, kioskId, entry: checked.visitor, idempotencyKey: `h${++keys}` },
		at
	);
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	return result.visit;
}

describe('the visitors waiting for a household', () => {
	it('shows the visitor by name with only the last four of phone and document', async () => {
		const home = await household(10);
		const visit = await arrive(10);
		const page = await householdPage(database.db, home, NOW);
		expect(page.today).toBe(TODAY);
		expect(page.lastInviteDay).toBe('2026-12-22');
		expect(page.waiting).toEqual([
			{
				id: visit.id,
				name: '王小明',
				phoneLast4: '5678',
				idType: 'resident_id',
				idLast4: '002X',
				party: 2,
				purpose: 'delivery',
				purposeText: null,
				arrivedAt: NOW,
				atDeskReason: null
			}
		]);
		expect(JSON.stringify(page)).not.toContain('13812345678');
		// Another household sees none of it.
		expect((await householdPage(database.db, await household(11), NOW)).waiting).toEqual([]);
	});

	it('takes the first answer only; a second says it was already decided', async () => {
		const home = await household(12);
		const visit = await arrive(12);
		expect(await hostDecide(database.db, await household(13), visit.id, 'approve', NOW)).toEqual({
			ok: false,
			error: 'visitNotFound'
		});
		expect(await hostDecide(database.db, home, visit.id, 'approve', NOW)).toEqual({
			ok: true,
			status: 'approved'
		});
		expect(await hostDecide(database.db, home, visit.id, 'refuse', NOW)).toEqual({
			ok: false,
			error: 'visitAlreadyDecided'
		});
		const page = await householdPage(database.db, home, NOW);
		expect(page.waiting).toEqual([]);
		expect(page.recent).toMatchObject([{ id: visit.id, name: '王小明', status: 'approved' }]);
	});

	it('lets the host still answer after the desk took over for their silence, not after the desk answered', async () => {
		const home = await household(14);
		const late = await arrive(14, {}, new Date(NOW.getTime() - 10 * MINUTE));
		await sweepVisitors(database.db, NOW);
		const page = await householdPage(database.db, home, NOW);
		expect(page.waiting).toMatchObject([{ id: late.id, atDeskReason: 'host_silent' }]);
		expect(await hostDecide(database.db, home, late.id, 'refuse', NOW)).toEqual({
			ok: true,
			status: 'refused'
		});

		const other = await arrive(14, { phone: '13812340000' }, new Date(NOW.getTime() - 10 * MINUTE));
		await sweepVisitors(database.db, NOW);
		await decideVisit(database.db, {
			siteId,
			visitId: other.id,
			decision: 'approve',
			by: { kind: 'desk', staffId }
		});
		expect(await hostDecide(database.db, home, other.id, 'refuse', NOW)).toEqual({
			ok: false,
			error: 'visitAlreadyDecided'
		});
	});

	it('never offers the host a visitor the block list sent to the desk', async () => {
		const home = await household(15);
		await addBlock(database.db, {
			siteId,
			block: {
				name: '黑名单',
				phone: '13899990000',
				idType: null,
				idLast4: null,
				idHash: null,
				reason: '测试'
			},
			actor: { kind: 'staff', staffId }
		});
		const blocked = await arrive(15, { phone: '13899990000' });
		expect(blocked.atDeskReason).toBe('visitor_blocked');
		expect((await householdPage(database.db, home, NOW)).waiting).toEqual([]);
		expect(await hostDecide(database.db, home, blocked.id, 'approve', NOW)).toEqual({
			ok: false,
			error: 'visitAlreadyDecided'
		});
	});
});

describe('a household’s invitations', () => {
	it('checks the form, then gives a code the guest uses at the kiosk', async () => {
		const home = await household(16);
		expect(
			await hostInvite(
				database.db,
				home,
				{ visitDate: '2026-11-21', name: '', party: '0', purpose: '' },
				NOW
			)
		).toEqual({
			ok: false,
			errors: {
				visitDate: 'visitorInviteDatePast',
				name: 'householdGuestNameRequired',
				party: 'visitorPartyInvalid',
				purpose: 'householdInvitePurposeRequired'
			}
		});
		const invited = await hostInvite(
			database.db,
			home,
			{ visitDate: TODAY, name: '陈 静', party: '3', purpose: 'visit_family' },
			NOW
		);
		if (!invited.ok || !('code' in invited)) throw new Error('not invited');
		expect(invited).toMatchObject({ visitDate: TODAY, name: '陈 静', party: 3 });
		expect(invited.code).toMatch(/^[23456789A-HJKMNP-Z]{6}$/);

		const page = await householdPage(database.db, home, NOW);
		expect(page.invitations).toMatchObject([
			{ code: invited.code, visitDate: TODAY, name: '陈 静', party: 3, status: 'invited' }
		]);
		expect(page.recent).toEqual([]);

		const used = await useInvitation(
			database.db,
			{
				siteId,
				kioskId,
				code: invited.code,
				person: {
					name: '陈静',
					phone: '13700001234',
					idType: 'passport',
					idNumber: 'E99887766',
					idLast4: '7766'
				}
			},
			new Date(NOW.getTime() + 60 * MINUTE)
		);
		expect(used).toMatchObject({ ok: true, visit: { status: 'approved' } });
		const after = await householdPage(database.db, home, NOW);
		expect(after.invitations).toMatchObject([{ code: invited.code, status: 'approved' }]);
		// In the recent visits from when the guest came, not from when they were invited.
		expect(after.recent).toMatchObject([
			{ name: '陈静', status: 'approved', at: new Date(NOW.getTime() + 60 * MINUTE) }
		]);
		// Used: it can no longer be withdrawn.
		expect(await hostCancelInvitation(database.db, home, after.invitations[0]?.id ?? '')).toEqual({
			ok: false,
			error: 'visitAlreadyDecided'
		});
	});

	it('withdraws only the household’s own invitations, never a visitor waiting in the lobby', async () => {
		const home = await household(17);
		const invited = await hostInvite(
			database.db,
			home,
			{ visitDate: '2026-11-30', name: 'Anna Lee', party: '1', purpose: 'house_viewing' },
			NOW
		);
		if (!invited.ok) throw new Error('not invited');
		const [row] = (await householdPage(database.db, home, NOW)).invitations;
		const id = row?.id ?? '';
		expect(await hostCancelInvitation(database.db, await household(18), id, NOW)).toEqual({
			ok: false,
			error: 'visitNotFound'
		});
		expect(await hostCancelInvitation(database.db, home, 'nonsense', NOW)).toEqual({
			ok: false,
			error: 'visitNotFound'
		});
		expect(await hostCancelInvitation(database.db, home, id, NOW)).toEqual({ ok: true });
		const page = await householdPage(database.db, home, NOW);
		expect(page.invitations).toMatchObject([{ id, status: 'cancelled' }]);
		// A guest who never came is no visit.
		expect(page.recent).toEqual([]);

		const walkIn = await arrive(17, { phone: '13812349999' });
		expect(await hostCancelInvitation(database.db, home, walkIn.id, NOW)).toEqual({
			ok: false,
			error: 'visitNotFound'
		});
		const [still] = await database.db.select().from(visits).where(eq(visits.id, walkIn.id));
		expect(still?.status).toBe('waiting_host');
	});
});
