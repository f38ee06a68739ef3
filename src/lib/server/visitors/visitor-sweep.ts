/**
 * The visitor desk's clockwork, run by every app process on the clock scheduler's beat and safe
 * with several: a silent host hands the visit to the desk, the site's midnight closes the day's
 * passes and stale invitations, and personal data past the retention period is anonymised.
 */
import { and, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { siteDate } from '../../domain/release-pass.js';
import { consentMinutes, resolveSiteSettings } from '../../domain/site-settings.js';
import {
	endOfDayCutoff,
	endOfDayOutcome,
	undecidedCutoff
} from '../../domain/visitors/visit-lifecycle.js';
import { passValidUntil } from '../../domain/visitors/visitor-pass.js';
import { PERSONAL_FIELDS, retentionCutoff } from '../../domain/visitors/visitor-retention.js';
import type { Database, Queryable } from '../db/client.js';
import {
	ownerLinks,
	signInThrottles,
	sites,
	visitorBlocks,
	visitorProfiles,
	visits
} from '../db/schema/index.js';
import { lockSiteStream, SYSTEM } from '../event-log.js';
import { appendEvent } from '../event-log.js';
import { appendVisitEvent } from './visit-events.js';

const DAY_MS = 24 * 60 * 60_000;
/** How long an expired household link still answers "expired" rather than "unknown". */
const EXPIRED_LINK_KEPT_DAYS = 30;

export interface VisitorSweepResult {
	hostSilent: number;
	autoSignedOut: number;
	expired: number;
	cancelled: number;
	anonymised: number;
	forgotten: number;
}

const empty = (): VisitorSweepResult => ({
	hostSilent: 0,
	autoSignedOut: 0,
	expired: 0,
	cancelled: 0,
	anonymised: 0,
	forgotten: 0
});

interface SiteRow {
	id: string;
	timeZone: string;
	settings: Parameters<typeof resolveSiteSettings>[0];
}

/** Waiting visits whose host had their time: the desk takes over and is told. */
async function handSilentToDesk(
	tx: Queryable,
	site: SiteRow,
	now: Date,
	limit: number,
	overrideSeconds: number | undefined
) {
	const minutes = consentMinutes(site.settings, overrideSeconds);
	const due = new Date(now.getTime() - minutes * 60_000);
	const rows = await tx
		.select({ id: visits.id })
		.from(visits)
		.where(
			and(eq(visits.siteId, site.id), eq(visits.status, 'waiting_host'), lte(visits.createdAt, due))
		)
		.limit(limit)
		.for('update', { skipLocked: true });
	for (const { id } of rows) {
		await tx
			.update(visits)
			.set({ status: 'at_desk', atDeskReason: 'host_silent', updatedAt: now })
			.where(eq(visits.id, id));
		await appendVisitEvent(tx, {
			siteId: site.id,
			type: 'visit.host_silent',
			actor: SYSTEM,
			data: { visitId: id, status: 'at_desk', atDeskReason: 'host_silent', to: ['desk'] },
			at: now
		});
	}
	return rows.length;
}

const EVENT = {
	auto_signed_out: 'visit.auto_signed_out',
	expired: 'visit.expired',
	cancelled: 'visit.cancelled'
} as const;

/** What an earlier site day left open: passes lapse, unused invitations expire. */
async function closeEarlierDays(
	tx: Queryable,
	site: SiteRow,
	now: Date,
	limit: number,
	result: VisitorSweepResult
) {
	const cutoff = endOfDayCutoff(now, site.timeZone);
	const today = siteDate(now, site.timeZone);
	// The same rule per status as `endOfDayOutcome`, so the batch holds only what moves and
	// invitations for later days can never crowd out tonight's passes.
	const rows = await tx
		.select({
			id: visits.id,
			status: visits.status,
			createdAt: visits.createdAt,
			approvedAt: visits.approvedAt,
			visitDate: visits.visitDate,
			passNumber: visits.passNumber
		})
		.from(visits)
		.where(
			and(
				eq(visits.siteId, site.id),
				or(
					and(
						eq(visits.status, 'approved'),
						sql`coalesce(${visits.approvedAt}, ${visits.createdAt}) < ${cutoff.toISOString()}::timestamptz`
					),
					and(eq(visits.status, 'invited'), lt(visits.visitDate, today)),
					and(
						inArray(visits.status, ['waiting_host', 'at_desk']),
						lt(visits.createdAt, undecidedCutoff(now, site.timeZone))
					)
				)
			)
		)
		.orderBy(visits.createdAt)
		.limit(limit)
		.for('update', { skipLocked: true });
	for (const visit of rows) {
		const outcome = endOfDayOutcome(visit, now, site.timeZone);
		if (!outcome) continue;
		const signedOutAt =
			outcome === 'auto_signed_out'
				? passValidUntil(visit.approvedAt ?? visit.createdAt, site.timeZone)
				: null;
		await tx
			.update(visits)
			.set({ status: outcome, signedOutAt, updatedAt: now })
			.where(eq(visits.id, visit.id));
		await appendVisitEvent(tx, {
			siteId: site.id,
			type: EVENT[outcome],
			actor: SYSTEM,
			data: { visitId: visit.id, status: outcome, passNumber: visit.passNumber },
			at: now
		});
		if (outcome === 'auto_signed_out') result.autoSignedOut += 1;
		else result[outcome] += 1;
	}
}

const BLANK = Object.fromEntries(PERSONAL_FIELDS.map((f) => [f, null])) as Record<
	(typeof PERSONAL_FIELDS)[number],
	null
>;

/** Past the retention period a visit keeps its counts, times and home; nothing that names anyone. */
async function anonymiseOld(
	tx: Queryable,
	site: SiteRow,
	now: Date,
	limit: number,
	result: VisitorSweepResult
) {
	const cutoff = retentionCutoff(now, resolveSiteSettings(site.settings).visitorRetentionDays);
	const due = tx
		.select({ id: visits.id })
		.from(visits)
		.where(
			and(eq(visits.siteId, site.id), isNull(visits.anonymisedAt), lt(visits.createdAt, cutoff))
		)
		.limit(limit)
		.for('update', { skipLocked: true });
	const anonymised = await tx
		.update(visits)
		.set({ ...BLANK, anonymisedAt: now })
		.where(inArray(visits.id, due))
		.returning({ id: visits.id });
	const forgotten = await tx
		.delete(visitorProfiles)
		.where(and(eq(visitorProfiles.siteId, site.id), lt(visitorProfiles.lastVisitAt, cutoff)))
		.returning({ id: visitorProfiles.id });
	// A lifted block is no longer a decision anyone keeps: past the period it goes too.
	const lifted = await tx
		.delete(visitorBlocks)
		.where(and(eq(visitorBlocks.siteId, site.id), lt(visitorBlocks.liftedAt, cutoff)))
		.returning({ id: visitorBlocks.id });
	if (anonymised.length || forgotten.length || lifted.length) {
		await appendEvent(tx, {
			siteId: site.id,
			type: 'visitors.anonymised',
			actor: SYSTEM,
			data: {
				visits: anonymised.length,
				profiles: forgotten.length,
				liftedBlocks: lifted.length,
				before: cutoff.toISOString()
			},
			at: now
		});
	}
	result.anonymised += anonymised.length;
	result.forgotten += forgotten.length;
}

/** One pass over every site. Each site is one transaction that takes its event stream first. */
export async function sweepVisitors(
	db: Database,
	now: Date = new Date(),
	options: { limit?: number; consentSeconds?: number } = {}
): Promise<VisitorSweepResult> {
	const limit = options.limit ?? 500;
	const total = empty();
	const all = await db
		.select({ id: sites.id, timeZone: sites.timeZone, settings: sites.settings })
		.from(sites);
	for (const site of all) {
		await db.transaction(async (tx) => {
			await lockSiteStream(tx, site.id);
			total.hostSilent += await handSilentToDesk(tx, site, now, limit, options.consentSeconds);
			await closeEarlierDays(tx, site, now, limit, total);
			await anonymiseOld(tx, site, now, limit, total);
		});
	}
	// The kiosk's guess counters (keyed by home, by a phone's hash): gone once a day old and unlocked.
	await db
		.delete(signInThrottles)
		.where(
			and(
				sql`${signInThrottles.key} like 'visit-%'`,
				lt(signInThrottles.windowStart, new Date(now.getTime() - DAY_MS)),
				or(isNull(signInThrottles.lockedUntil), lt(signInThrottles.lockedUntil, now))
			)
		);
	// Each host's text carries a fresh household link (only its hash is kept, so an old one cannot
	// be sent again). Expired, a link still says so ("this link has expired") for a month, then
	// its row goes.
	await db
		.delete(ownerLinks)
		.where(
			and(
				isNull(ownerLinks.ticketId),
				lt(ownerLinks.expiresAt, new Date(now.getTime() - EXPIRED_LINK_KEPT_DAYS * DAY_MS))
			)
		);
	return total;
}
