import {
	and,
	count,
	desc,
	eq,
	ilike,
	isNotNull,
	isNull,
	like,
	lt,
	or,
	sql,
	type SQL
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { csvDocument } from '../../domain/csv.js';
import { addDays } from '../../domain/release-pass.js';
import { formatSiteDateTime } from '../../domain/site-time.js';
import { maskId, type IdDocumentType } from '../../domain/visitors/id-documents.js';
import type { AtDeskReason, VisitStatus } from '../../domain/visitors/visit-lifecycle.js';
import type { VisitPurpose } from '../../domain/visitors/visitor-form.js';
import { LOG_PAGE_SIZE, type LogQuery } from '../../domain/visitors/visitor-log-query.js';
import { siteDayStart } from '../../domain/visitors/visitor-pass.js';
import type { Messages } from '../../i18n/messages.js';
import { idTypeLabel, purposeLabel, visitStatusLabel } from '../../i18n/visitor-labels.js';
import type { Queryable } from '../db/client.js';
import { buildings, staffUsers, units, visits } from '../db/schema/index.js';
import { idHash } from './id-hash.js';

/**
 * 来人来访登记表: the visits of a site, searched by staff and exported for the records. The log
 * holds visits that reached the lobby: walk-ins, and invitations once used (an invitation not
 * yet used is the desk's "expected" list, not a visit).
 */

export interface LogRow {
	id: string;
	/** When the visitor registered at the kiosk, or used their invitation code. */
	arrivedAt: Date;
	passNumber: string | null;
	name: string | null;
	phone: string | null;
	idType: IdDocumentType | null;
	idLast4: string | null;
	home: { building: string; entrance: string; room: string };
	hostSurname: string | null;
	purpose: VisitPurpose;
	purposeText: string | null;
	party: number;
	status: VisitStatus;
	atDeskReason: AtDeskReason | null;
	signedOutAt: Date | null;
	/** A staff member's name, the household (host) or the invitation itself. */
	decidedBy: { kind: 'staff'; name: string } | { kind: 'host' } | { kind: 'invitation' } | null;
	anonymised: boolean;
	/** Whether the row holds what the block list matches on (a phone or an ID hash). */
	blockable: boolean;
}

export interface LogSite {
	id: string;
	timeZone: string;
}

const decider = alias(staffUsers, 'decider');

/** When the visitor came: a walk-in when registered, an invited guest when they used the code. */
const arrivedAt = sql`case when ${visits.inviteCode} is null then ${visits.createdAt}
	else coalesce(${visits.approvedAt}, ${visits.updatedAt}) end`.mapWith(visits.createdAt);

/** `%`, `_` and `\` typed into a name search are letters, not patterns. */
const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

async function logWhere(db: Queryable, site: LogSite, query: LogQuery): Promise<SQL> {
	const start = siteDayStart(query.from, site.timeZone);
	const end = siteDayStart(addDays(query.to, 1), site.timeZone);
	const conditions: (SQL | undefined)[] = [
		eq(visits.siteId, site.id),
		or(isNull(visits.inviteCode), isNotNull(visits.kioskId)),
		// Nobody arrives before the visit exists: this bound lets the index on created_at help.
		lt(visits.createdAt, end),
		// Bound as text: a Date beside a raw expression reaches postgres.js unconverted.
		sql`${arrivedAt} >= ${start.toISOString()}::timestamptz`,
		sql`${arrivedAt} < ${end.toISOString()}::timestamptz`,
		query.unitId ? eq(visits.unitId, query.unitId) : undefined,
		query.name ? ilike(visits.name, `%${literal(query.name)}%`) : undefined,
		query.phone ? like(visits.phone, `%${query.phone}%`) : undefined,
		query.idType ? eq(visits.idType, query.idType) : undefined
	];
	if (query.idType && query.idNumber) {
		conditions.push(eq(visits.idHash, await idHash(db, query.idType, query.idNumber)));
	}
	return and(...conditions) as SQL;
}

async function logRows(db: Queryable, where: SQL, limit: number, offset: number) {
	const rows = await db
		.select({
			id: visits.id,
			arrivedAt,
			passNumber: visits.passNumber,
			name: visits.name,
			phone: visits.phone,
			idType: visits.idType,
			idLast4: visits.idLast4,
			idHash: visits.idHash,
			building: buildings.code,
			entrance: units.entrance,
			room: units.room,
			hostSurname: visits.hostSurname,
			purpose: visits.purpose,
			purposeText: visits.purposeText,
			party: visits.party,
			status: visits.status,
			atDeskReason: visits.atDeskReason,
			signedOutAt: visits.signedOutAt,
			decidedAt: visits.decidedAt,
			decidedByName: decider.displayName,
			inviteCode: visits.inviteCode,
			anonymisedAt: visits.anonymisedAt
		})
		.from(visits)
		.innerJoin(units, eq(units.id, visits.unitId))
		.innerJoin(buildings, eq(buildings.id, units.buildingId))
		.leftJoin(decider, eq(decider.id, visits.decidedByStaffId))
		.where(where)
		.orderBy(desc(arrivedAt), desc(visits.id))
		.limit(limit)
		.offset(offset);
	return rows.map((r): LogRow => {
		const anonymised = r.anonymisedAt !== null;
		return {
			id: r.id,
			arrivedAt: r.arrivedAt,
			passNumber: r.passNumber,
			name: r.name,
			phone: r.phone,
			idType: r.idType,
			idLast4: r.idLast4,
			home: { building: r.building, entrance: r.entrance, room: r.room },
			hostSurname: r.hostSurname,
			purpose: r.purpose,
			purposeText: r.purposeText,
			party: r.party,
			status: r.status,
			atDeskReason: r.atDeskReason,
			signedOutAt: r.signedOutAt,
			decidedBy: decidedBy(r),
			anonymised,
			blockable: !anonymised && (r.phone !== null || r.idHash !== null)
		};
	});
}

function decidedBy(r: {
	status: VisitStatus;
	decidedAt: Date | null;
	decidedByName: string | null;
	inviteCode: string | null;
}): LogRow['decidedBy'] {
	if (r.decidedByName) return { kind: 'staff', name: r.decidedByName };
	if (
		r.inviteCode &&
		r.status !== 'at_desk' &&
		r.status !== 'refused' &&
		r.status !== 'cancelled'
	) {
		return { kind: 'invitation' };
	}
	// The host's answer from their phone page leaves no staff behind it.
	if (r.decidedAt && ['approved', 'refused', 'signed_out', 'auto_signed_out'].includes(r.status)) {
		return { kind: 'host' };
	}
	return null;
}

export interface LogPage {
	rows: LogRow[];
	total: number;
	page: number;
	pages: number;
}

/** One page (50 rows) of the search, newest arrival first. */
export async function searchVisitorLog(
	db: Queryable,
	site: LogSite,
	query: LogQuery
): Promise<LogPage> {
	const where = await logWhere(db, site, query);
	const [counted] = await db.select({ n: count() }).from(visits).where(where);
	const total = counted?.n ?? 0;
	const pages = Math.max(1, Math.ceil(total / LOG_PAGE_SIZE));
	const page = Math.min(query.page, pages);
	const rows = await logRows(db, where, LOG_PAGE_SIZE, (page - 1) * LOG_PAGE_SIZE);
	return { rows, total, page, pages };
}

/** An export is one file; a search wider than this is cut, and the last line says so. */
export const CSV_ROWS_MAX = 20_000;

/** The export of a search, in the reader's language, ready for Excel. */
export async function visitorLogCsv(
	db: Queryable,
	site: LogSite,
	query: LogQuery,
	m: Messages
): Promise<string> {
	const where = await logWhere(db, site, query);
	const rows = await logRows(db, where, CSV_ROWS_MAX + 1, 0);
	const when = (at: Date | null) => (at ? formatSiteDateTime(at, site.timeZone) : '');
	const personal = (row: LogRow, value: string | null) =>
		row.anonymised ? m.visitLogAnonymised : (value ?? '');
	const lines = rows
		.slice(0, CSV_ROWS_MAX)
		.map((row) => [
			when(row.arrivedAt),
			row.passNumber ?? '',
			personal(row, row.name),
			personal(row, row.phone),
			row.anonymised
				? m.visitLogAnonymised
				: row.idType && row.idLast4
					? `${idTypeLabel(m, row.idType)} ${maskId(row.idLast4)}`
					: '',
			m.unitLabel(row.home),
			personal(row, row.hostSurname),
			row.purposeText
				? m.visitPurposeWithText({ purpose: purposeLabel(m, row.purpose), text: row.purposeText })
				: purposeLabel(m, row.purpose),
			row.party,
			visitStatusLabel(m, row.status),
			when(row.signedOutAt),
			decidedByLabel(m, row.decidedBy)
		]);
	if (rows.length > CSV_ROWS_MAX) lines.push([m.visitLogCsvCut({ max: CSV_ROWS_MAX })]);
	return csvDocument(logHeader(m), lines);
}

export function logHeader(m: Messages): string[] {
	return [
		m.visitLogColArrived,
		m.visitLogColPass,
		m.visitLogColName,
		m.visitLogColPhone,
		m.visitLogColId,
		m.visitLogColHome,
		m.visitLogColHost,
		m.visitLogColPurpose,
		m.visitLogColParty,
		m.visitLogColStatus,
		m.visitLogColOut,
		m.visitLogColDecidedBy
	];
}

export function decidedByLabel(m: Messages, by: LogRow['decidedBy']): string {
	if (!by) return '';
	if (by.kind === 'staff') return by.name;
	return by.kind === 'host' ? m.visitLogByHost : m.visitLogByInvitation;
}
