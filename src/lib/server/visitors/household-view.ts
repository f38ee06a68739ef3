import { and, asc, desc, eq, gte, isNotNull, isNull, or, type SQL } from 'drizzle-orm';
import { addDays, siteDate } from '../../domain/release-pass.js';
import {
	checkHostInvite,
	type HostInviteErrors,
	type HostInviteForm
} from '../../domain/visitors/host-invite-form.js';
import { INVITE_DAYS_AHEAD_MAX } from '../../domain/visitors/invite-code.js';
import type { IdDocumentType } from '../../domain/visitors/id-documents.js';
import type { AtDeskReason, VisitStatus } from '../../domain/visitors/visit-lifecycle.js';
import type { VisitPurpose } from '../../domain/visitors/visitor-form.js';
import type { Queryable } from '../db/client.js';
import { buildings, sites, units, visits } from '../db/schema/index.js';
import { isUuid } from '../http/form-values.js';
import { createInvitation } from './invitations.js';
import { cancelVisit, decideVisit, type VisitMoveError } from './visit-moves.js';

/**
 * The household's phone page (`/h/<token>`): what the link's household may see and do. It sees
 * its own visitors only, by full name (the host must know whom they let in), but never more of
 * a phone or a document than its last four characters.
 */

/** The household a good link opens (`resolveHouseholdLink`). */
export interface HouseholdAccess {
	householdId: string;
	siteId: string;
	unitId: string;
}

export interface WaitingVisitor {
	id: string;
	name: string | null;
	phoneLast4: string | null;
	idType: IdDocumentType | null;
	idLast4: string | null;
	party: number;
	purpose: VisitPurpose;
	purposeText: string | null;
	arrivedAt: Date;
	/** `host_silent` once the desk took over; the host may still answer. */
	atDeskReason: AtDeskReason | null;
}

export interface HouseholdInvitation {
	id: string;
	code: string;
	visitDate: string;
	name: string | null;
	party: number;
	purpose: VisitPurpose;
	status: VisitStatus;
}

export interface HouseholdVisit {
	id: string;
	at: Date;
	name: string | null;
	status: VisitStatus;
	anonymised: boolean;
}

export interface HouseholdPage {
	timeZone: string;
	today: string;
	lastInviteDay: string;
	home: { building: string; entrance: string; room: string };
	waiting: WaitingVisitor[];
	invitations: HouseholdInvitation[];
	recent: HouseholdVisit[];
}

const RECENT_DAYS = 30;
const RECENT_MAX = 50;

/**
 * What the host may still answer: a visitor waiting for them, or one the desk took over because
 * they were silent. Never one the block list sent to the desk: that is the desk's call.
 */
export const hostMayAnswer: SQL = or(
	eq(visits.status, 'waiting_host'),
	and(eq(visits.status, 'at_desk'), eq(visits.atDeskReason, 'host_silent'))
) as SQL;

export async function householdPage(
	db: Queryable,
	access: HouseholdAccess,
	now = new Date()
): Promise<HouseholdPage> {
	const [where] = await db
		.select({
			timeZone: sites.timeZone,
			building: buildings.code,
			entrance: units.entrance,
			room: units.room
		})
		.from(units)
		.innerJoin(buildings, eq(buildings.id, units.buildingId))
		.innerJoin(sites, eq(sites.id, units.siteId))
		.where(eq(units.id, access.unitId));
	if (!where) throw new Error(`No unit ${access.unitId}`);
	const today = siteDate(now, where.timeZone);
	const mine = and(eq(visits.siteId, access.siteId), eq(visits.householdId, access.householdId));

	const [waiting, invitations, recent] = await Promise.all([
		db
			.select({
				id: visits.id,
				name: visits.name,
				phone: visits.phone,
				idType: visits.idType,
				idLast4: visits.idLast4,
				party: visits.party,
				purpose: visits.purpose,
				purposeText: visits.purposeText,
				arrivedAt: visits.createdAt,
				atDeskReason: visits.atDeskReason
			})
			.from(visits)
			.where(and(mine, hostMayAnswer))
			.orderBy(asc(visits.createdAt)),
		db
			.select({
				id: visits.id,
				code: visits.inviteCode,
				visitDate: visits.visitDate,
				name: visits.name,
				party: visits.party,
				purpose: visits.purpose,
				status: visits.status
			})
			.from(visits)
			.where(and(mine, isNotNull(visits.inviteCode), gte(visits.visitDate, today)))
			.orderBy(asc(visits.visitDate), asc(visits.createdAt)),
		db
			.select({
				id: visits.id,
				createdAt: visits.createdAt,
				approvedAt: visits.approvedAt,
				updatedAt: visits.updatedAt,
				inviteCode: visits.inviteCode,
				name: visits.name,
				status: visits.status,
				anonymisedAt: visits.anonymisedAt
			})
			.from(visits)
			.where(
				and(
					mine,
					// Visitors who came: walk-ins, and invitations once used at the kiosk.
					or(isNull(visits.inviteCode), isNotNull(visits.kioskId)),
					gte(visits.createdAt, new Date(now.getTime() - RECENT_DAYS * 86_400_000))
				)
			)
			.orderBy(desc(visits.createdAt))
			.limit(RECENT_MAX)
	]);

	return {
		timeZone: where.timeZone,
		today,
		lastInviteDay: addDays(today, INVITE_DAYS_AHEAD_MAX),
		home: { building: where.building, entrance: where.entrance, room: where.room },
		// The phone leaves the server as its last four digits only.
		waiting: waiting.map(({ phone, ...v }) => ({
			...v,
			phoneLast4: phone ? phone.slice(-4) : null
		})),
		invitations: invitations.map((v) => ({
			...v,
			code: v.code ?? '',
			visitDate: v.visitDate ?? ''
		})),
		recent: recent
			.map((v) => ({
				id: v.id,
				// An invited guest came when they used the code.
				at: v.inviteCode ? (v.approvedAt ?? v.updatedAt) : v.createdAt,
				name: v.name,
				status: v.status,
				anonymised: v.anonymisedAt !== null
			}))
			.sort((a, b) => b.at.getTime() - a.at.getTime())
	};
}

export type HostDecision = 'approve' | 'refuse';

/** The host's answer from the phone page; the first answer (host's or desk's) is the only one. */
export async function hostDecide(
	db: Queryable,
	access: HouseholdAccess,
	visitId: string,
	decision: HostDecision,
	now = new Date()
): Promise<{ ok: true; status: VisitStatus } | { ok: false; error: VisitMoveError }> {
	const result = await decideVisit(
		db,
		{
			siteId: access.siteId,
			visitId,
			decision,
			by: { kind: 'host', householdId: access.householdId, residentId: null }
		},
		now
	);
	return result.ok ? { ok: true, status: result.visit.status } : result;
}

export type HostInviteResult =
	| { ok: true; code: string; visitDate: string; name: string; party: number }
	| { ok: false; errors: HostInviteErrors }
	| { ok: false; error: 'visitorInviteNoHousehold' | 'visitorUnitRequired' };

/** An invitation for this household's home, checked against the site's calendar. */
export async function hostInvite(
	db: Queryable,
	access: HouseholdAccess,
	form: HostInviteForm,
	now = new Date()
): Promise<HostInviteResult> {
	const [site] = await db
		.select({ timeZone: sites.timeZone })
		.from(sites)
		.where(eq(sites.id, access.siteId));
	const checked = checkHostInvite(form, siteDate(now, site?.timeZone ?? 'Asia/Shanghai'));
	if (!checked.ok) return checked;
	const result = await createInvitation(
		db,
		{
			siteId: access.siteId,
			unitId: access.unitId,
			...checked.invite,
			by: { kind: 'host', householdId: access.householdId, residentId: null }
		},
		{ now }
	);
	if (!result.ok) return result;
	const { inviteCode, visitDate, name, party } = result.visit;
	return {
		ok: true,
		code: inviteCode ?? '',
		visitDate: visitDate ?? checked.invite.visitDate,
		name: name ?? checked.invite.name,
		party
	};
}

/**
 * Withdraws one of the household's own invitations. Only an invitation: a visitor waiting in the
 * lobby is answered with "refuse", not made to vanish.
 */
export async function hostCancelInvitation(
	db: Queryable,
	access: HouseholdAccess,
	visitId: string,
	now = new Date()
): Promise<{ ok: true } | { ok: false; error: VisitMoveError }> {
	if (!isUuid(visitId)) return { ok: false, error: 'visitNotFound' };
	return db.transaction(async (tx) => {
		// Locked, so a guest using the code at this moment either comes first or finds it withdrawn.
		const [visit] = await tx
			.select({ status: visits.status })
			.from(visits)
			.where(
				and(
					eq(visits.id, visitId),
					eq(visits.siteId, access.siteId),
					eq(visits.householdId, access.householdId),
					isNotNull(visits.inviteCode)
				)
			)
			.for('update');
		if (!visit) return { ok: false, error: 'visitNotFound' } as const;
		if (visit.status !== 'invited') return { ok: false, error: 'visitAlreadyDecided' } as const;
		const result = await cancelVisit(
			tx,
			{
				siteId: access.siteId,
				visitId,
				householdId: access.householdId,
				actor: { kind: 'resident', residentId: null }
			},
			now
		);
		return result.ok ? ({ ok: true } as const) : result;
	});
}
