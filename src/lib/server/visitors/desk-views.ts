import { canonicalVisitorPass } from '../../domain/visitors/visitor-pass.js';
import { and, asc, desc, eq, gte, inArray, or, sql, type SQL } from 'drizzle-orm';
import { addDays, siteDate } from '../../domain/release-pass.js';
import { consentMinutes, type SiteSettings } from '../../domain/site-settings.js';
import { maskId, type IdDocumentType } from '../../domain/visitors/id-documents.js';
import {
	consentDeadline,
	type AtDeskReason,
	type VisitStatus
} from '../../domain/visitors/visit-lifecycle.js';
import type { VisitPurpose } from '../../domain/visitors/visitor-form.js';
import { passIsValid, passValidUntil, siteDayStart } from '../../domain/visitors/visitor-pass.js';
import type { Queryable } from '../db/client.js';
import { buildings, units, visits } from '../db/schema/index.js';

/**
 * What the visitor desk and the guard see of visits: staff may read names, phones and the reason
 * a visit went to the desk; an ID document only ever as its masked last four characters.
 */

export interface DeskSite {
	id: string;
	timeZone: string;
	settings: Partial<SiteSettings> | null;
}

export interface DeskUnit {
	building: string;
	entrance: string;
	room: string;
}

/** One visit as the desk's lists show it. */
export interface DeskVisit {
	id: string;
	status: VisitStatus;
	atDeskReason: AtDeskReason | null;
	name: string | null;
	phone: string | null;
	idType: IdDocumentType | null;
	/** `****1234`, or null when the visit has no document yet (an invitation). */
	idMasked: string | null;
	unit: DeskUnit | null;
	hostSurname: string | null;
	purpose: VisitPurpose;
	purposeText: string | null;
	party: number;
	passNumber: string | null;
	inviteCode: string | null;
	visitDate: string | null;
	note: string | null;
	arrivedAt: Date;
	approvedAt: Date | null;
	signedOutAt: Date | null;
}

/** A visit waiting for a decision; `deskAt` is when a silent host hands it to the desk. */
export interface WaitingVisit extends DeskVisit {
	deskAt: Date | null;
}

/** A pass as the guard checks it. */
export interface CheckedVisit extends DeskVisit {
	validUntil: Date | null;
	/** Inside on a pass that holds right now. */
	valid: boolean;
}

export interface DeskViews {
	/** The site's date, `YYYY-MM-DD`. */
	today: string;
	waiting: WaitingVisit[];
	onSite: DeskVisit[];
	closedAtDayEnd: DeskVisit[];
	expectedToday: DeskVisit[];
}

const LIST_MAX = 300;

async function deskVisits(
	db: Queryable,
	siteId: string,
	where: SQL | undefined,
	order: SQL[],
	limit = LIST_MAX
): Promise<DeskVisit[]> {
	const rows = await db
		.select({
			id: visits.id,
			status: visits.status,
			atDeskReason: visits.atDeskReason,
			name: visits.name,
			phone: visits.phone,
			idType: visits.idType,
			idLast4: visits.idLast4,
			building: buildings.code,
			entrance: units.entrance,
			room: units.room,
			hostSurname: visits.hostSurname,
			purpose: visits.purpose,
			purposeText: visits.purposeText,
			party: visits.party,
			passNumber: visits.passNumber,
			inviteCode: visits.inviteCode,
			visitDate: visits.visitDate,
			note: visits.note,
			arrivedAt: visits.createdAt,
			approvedAt: visits.approvedAt,
			signedOutAt: visits.signedOutAt
		})
		.from(visits)
		.leftJoin(units, eq(units.id, visits.unitId))
		.leftJoin(buildings, eq(buildings.id, units.buildingId))
		.where(and(eq(visits.siteId, siteId), where))
		.orderBy(...order)
		.limit(limit);
	return rows.map(({ building, entrance, room, idLast4, ...row }) => ({
		...row,
		idMasked: idLast4 ? maskId(idLast4) : null,
		unit: building && entrance && room ? { building, entrance, room } : null
	}));
}

/** Everyone inside on a pass, longest first: the desk's list and the evacuation roll-call. */
export function onSiteVisits(db: Queryable, siteId: string): Promise<DeskVisit[]> {
	return deskVisits(db, siteId, eq(visits.status, 'approved'), [
		asc(visits.approvedAt),
		asc(visits.passNumber)
	]);
}

/**
 * The desk's page: who waits (oldest first), who is inside, whom the site's midnight signed out
 * since the previous day began, and the invitations for today.
 */
export async function deskViews(
	db: Queryable,
	site: DeskSite,
	options: { now?: Date; consentSeconds?: number } = {}
): Promise<DeskViews> {
	const now = options.now ?? new Date();
	const today = siteDate(now, site.timeZone);
	const minutes = consentMinutes(site.settings, options.consentSeconds);
	const since = siteDayStart(addDays(today, -1), site.timeZone);
	const [waiting, onSite, closedAtDayEnd, expectedToday] = await Promise.all([
		deskVisits(db, site.id, inArray(visits.status, ['waiting_host', 'at_desk']), [
			asc(visits.createdAt)
		]),
		onSiteVisits(db, site.id),
		deskVisits(
			db,
			site.id,
			and(eq(visits.status, 'auto_signed_out'), gte(visits.signedOutAt, since)),
			[desc(visits.signedOutAt), asc(visits.passNumber)]
		),
		deskVisits(db, site.id, and(eq(visits.status, 'invited'), eq(visits.visitDate, today)), [
			asc(visits.createdAt)
		])
	]);
	return {
		today,
		waiting: waiting.map((v) => ({
			...v,
			deskAt: v.status === 'waiting_host' ? consentDeadline(v.arrivedAt, minutes) : null
		})),
		onSite,
		closedAtDayEnd,
		expectedToday
	};
}

/** A visit's status, or null when the site has no such visit. */
export async function visitStatus(
	db: Queryable,
	siteId: string,
	visitId: string
): Promise<VisitStatus | null> {
	const [row] = await db
		.select({ status: visits.status })
		.from(visits)
		.where(and(eq(visits.siteId, siteId), eq(visits.id, visitId)));
	return row?.status ?? null;
}

/** For the console's notice and the nav's badge. */
export interface DeskAlert {
	/** Visits waiting for a decision, the host's or the desk's. */
	waiting: number;
	/** Visits the desk must decide now. */
	atDesk: number;
	/** The homes of the latest to reach the desk, newest first: staff see at once whom to call. */
	latest: { id: string; unit: DeskUnit | null }[];
}

const ALERT_LATEST = 5;

export async function deskAlert(db: Queryable, siteId: string): Promise<DeskAlert> {
	const [counts, latest] = await Promise.all([
		db
			.select({
				atDesk: sql<number>`count(*) filter (where ${visits.status} = 'at_desk')`.mapWith(Number),
				waiting: sql<number>`count(*)`.mapWith(Number)
			})
			.from(visits)
			.where(and(eq(visits.siteId, siteId), inArray(visits.status, ['waiting_host', 'at_desk']))),
		db
			.select({
				id: visits.id,
				building: buildings.code,
				entrance: units.entrance,
				room: units.room
			})
			.from(visits)
			.leftJoin(units, eq(units.id, visits.unitId))
			.leftJoin(buildings, eq(buildings.id, units.buildingId))
			.where(and(eq(visits.siteId, siteId), eq(visits.status, 'at_desk')))
			.orderBy(desc(visits.updatedAt), desc(visits.createdAt))
			.limit(ALERT_LATEST)
	]);
	return {
		waiting: counts[0]?.waiting ?? 0,
		atDesk: counts[0]?.atDesk ?? 0,
		latest: latest.map(({ id, building, entrance, room }) => ({
			id,
			unit: building && entrance && room ? { building, entrance, room } : null
		}))
	};
}

/** Whether a pass lets its visitor stay now: approved, and within the site day it was issued. */
export function checkedVisit(visit: DeskVisit, timeZone: string, now: Date): CheckedVisit {
	const approvedAt = visit.approvedAt;
	return {
		...visit,
		validUntil: approvedAt ? passValidUntil(approvedAt, timeZone) : null,
		valid: visit.status === 'approved' && !!approvedAt && passIsValid(approvedAt, timeZone, now)
	};
}

/** The visit behind a pass number (already checked with `parseVisitorPass`), or null. */
export async function visitByPass(
	db: Queryable,
	site: DeskSite,
	passNumber: string,
	now = new Date()
): Promise<CheckedVisit | null> {
	const [visit] = await deskVisits(
		db,
		site.id,
		eq(visits.passNumber, canonicalVisitorPass(passNumber) ?? ''),
		[],
		1
	);
	return visit ? checkedVisit(visit, site.timeZone, now) : null;
}

/**
 * Today's visits on one document, found by its keyed hash (the guard typed the number; it is
 * hashed and forgotten), with any pass of an earlier day still open.
 */
export async function visitsByDocument(
	db: Queryable,
	site: DeskSite,
	idHash: string,
	now = new Date()
): Promise<CheckedVisit[]> {
	const dayStart = siteDayStart(siteDate(now, site.timeZone), site.timeZone);
	const rows = await deskVisits(
		db,
		site.id,
		and(
			eq(visits.idHash, idHash),
			or(gte(visits.createdAt, dayStart), eq(visits.status, 'approved'))
		),
		[desc(visits.createdAt)],
		50
	);
	return rows.map((v) => checkedVisit(v, site.timeZone, now));
}
