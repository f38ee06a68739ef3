import type { ThrottleRule } from '../../domain/throttle.js';
import { claimAttempt, forgiveAttempt } from '../auth/throttle-store.js';
import { and, eq } from 'drizzle-orm';
import { siteDate } from '../../domain/release-pass.js';
import { consentMinutes, resolveSiteSettings } from '../../domain/site-settings.js';
import {
	checkInviteCode,
	checkInviteUse,
	normaliseInviteCode,
	type InviteCodeError,
	type InviteUseError
} from '../../domain/visitors/invite-code.js';
import {
	consentDeadline,
	statusShownAtKiosk,
	visitOutcomeForKiosk,
	type KioskOutcome,
	type VisitStatus
} from '../../domain/visitors/visit-lifecycle.js';
import { passValidUntil } from '../../domain/visitors/visitor-pass.js';
import type { Queryable } from '../db/client.js';
import { buildings, sites, units, visits } from '../db/schema/index.js';
import { isUuid } from '../http/form-values.js';
import type { VisitorIdentity } from '../../domain/visitors/visitor-form.js';
import { maskedName } from './host-notify.js';
import { idHash } from './id-hash.js';

/** What a visitor's own pass shows: their home in full (it is their own visit), never their name. */
export interface KioskVisitPass {
	number: string;
	/** The check code the kiosk's sign-out asks for; on the pass and in its QR code. */
	check: string;
	maskedName: string;
	home: { building: string; entrance: string; room: string };
	party: number;
	/** The last minute the pass is valid, on the site's clock (`YYYY-MM-DD HH:mm` is formatted by the page). */
	validUntil: Date;
}

export interface KioskVisitView {
	id: string;
	/** The status the kiosk may reflect (`statusShownAtKiosk`), never the reason behind it. */
	status: VisitStatus;
	outcome: KioskOutcome;
	/** When the visitor arrived at the kiosk: the waiting screen counts from here. */
	arrivedAt: Date;
	/**
	 * While the screen says "waiting": milliseconds until the host's time is up, when the screen
	 * may change with no event to announce it (a blocked visitor, masked until then).
	 */
	changesInMs: number | null;
	timeZone: string;
	pass: KioskVisitPass | null;
}

/**
 * The visit as the kiosk that registered it may show it, on the day it was made (an invitation:
 * on its date); anywhere else, or later, null: a lobby screen must not show someone else's visit
 * by its address.
 */
export async function kioskVisitView(
	db: Queryable,
	input: { siteId: string; kioskId: string; visitId: string; consentSeconds?: number },
	now = new Date()
): Promise<KioskVisitView | null> {
	if (!isUuid(input.visitId)) return null;
	const [row] = await db
		.select({
			id: visits.id,
			status: visits.status,
			atDeskReason: visits.atDeskReason,
			name: visits.name,
			party: visits.party,
			passNumber: visits.passNumber,
			passCheck: visits.passCheck,
			visitDate: visits.visitDate,
			createdAt: visits.createdAt,
			updatedAt: visits.updatedAt,
			approvedAt: visits.approvedAt,
			building: buildings.code,
			entrance: units.entrance,
			room: units.room,
			timeZone: sites.timeZone,
			settings: sites.settings
		})
		.from(visits)
		.innerJoin(units, eq(units.id, visits.unitId))
		.innerJoin(buildings, eq(buildings.id, units.buildingId))
		.innerJoin(sites, eq(sites.id, visits.siteId))
		.where(
			and(
				eq(visits.id, input.visitId),
				eq(visits.siteId, input.siteId),
				eq(visits.kioskId, input.kioskId)
			)
		);
	if (!row) return null;
	const today = siteDate(now, row.timeZone);
	// A walk-in arrived when it was made; an invitation was made days before and used today.
	const invited = row.visitDate !== null;
	const arrivedAt = invited ? (row.approvedAt ?? row.updatedAt) : row.createdAt;
	const day = invited ? row.visitDate : siteDate(row.createdAt, row.timeZone);
	// A visitor who came just before midnight still sees their answer after it.
	const recent = now.getTime() - arrivedAt.getTime() < RECENT_MS;
	if (day !== today && !recent) return null;

	const minutes = consentMinutes(row.settings, input.consentSeconds);
	// An invited guest is let in at once, so a blocked one must hear "see the desk" at once too:
	// a wait that others never have would tell them.
	const status = statusShownAtKiosk(
		{ status: row.status, atDeskReason: row.atDeskReason, createdAt: arrivedAt },
		now,
		invited ? 0 : minutes
	);
	const left = consentDeadline(arrivedAt, minutes).getTime() - now.getTime();
	const pass =
		status === 'approved' && row.passNumber && row.passCheck && row.approvedAt
			? {
					number: row.passNumber,
					check: row.passCheck,
					maskedName: maskedName(row.name ?? ''),
					home: { building: row.building, entrance: row.entrance, room: row.room },
					party: row.party,
					validUntil: new Date(passValidUntil(row.approvedAt, row.timeZone).getTime() - 60_000)
				}
			: null;
	return {
		id: row.id,
		status,
		outcome: visitOutcomeForKiosk(status),
		arrivedAt,
		changesInMs: status === 'waiting_host' && left > 0 ? left : null,
		timeZone: row.timeZone,
		pass
	};
}

const RECENT_MS = 2 * 60 * 60_000;

/** Ten wrong codes at one kiosk stop it taking codes for ten minutes: codes are not guessed. */
const CODE_RULE: ThrottleRule = { maxFailures: 10, windowMs: 10 * 60_000, lockMs: 10 * 60_000 };

/**
 * `kioskInvitation`, counted per kiosk: each try counts before the answer is known and a good
 * code is forgiven, so only misses add up.
 */
export async function kioskInvitationThrottled(
	db: Queryable,
	input: { siteId: string; kioskId: string; code: string },
	now = new Date()
): Promise<KioskInvitation> {
	const attempt = { key: `visit-invite:${input.kioskId}`, rule: CODE_RULE };
	const claim = await claimAttempt(db, [attempt], now);
	if (claim.refusedUntil) return { ok: false, error: 'visitorInviteLocked' };
	const invite = await kioskInvitation(db, input.siteId, input.code, now);
	if (invite.ok) await forgiveAttempt(db, [attempt]);
	return invite;
}

/**
 * The visit a code became at this very kiosk for this very person (the same phone and document):
 * a double tap on "use" lands on its pass. Anyone else who knows the code is told it was used,
 * never shown the guest's pass.
 */
export async function visitUsedHere(
	db: Queryable,
	input: { siteId: string; kioskId: string; code: string; person: VisitorIdentity }
): Promise<string | null> {
	const hash = await idHash(db, input.person.idType, input.person.idNumber);
	const [row] = await db
		.select({ id: visits.id })
		.from(visits)
		.where(
			and(
				eq(visits.siteId, input.siteId),
				eq(visits.kioskId, input.kioskId),
				eq(visits.inviteCode, normaliseInviteCode(input.code)),
				eq(visits.phone, input.person.phone),
				eq(visits.idHash, hash)
			)
		);
	return row?.id ?? null;
}

export type KioskInvitation =
	| { ok: true; code: string; name: string; party: number }
	| { ok: false; error: InviteCodeError | InviteUseError | 'visitorInviteLocked' };

/**
 * The invitation behind a code, before the guest gives their details: whether it may be used
 * today, and the name the host gave (to prefill). `useInvitation` checks it all again.
 */
export async function kioskInvitation(
	db: Queryable,
	siteId: string,
	raw: string,
	now = new Date()
): Promise<KioskInvitation> {
	const format = checkInviteCode(raw);
	if (format) return { ok: false, error: format };
	const code = normaliseInviteCode(raw);
	const [row] = await db
		.select({
			status: visits.status,
			visitDate: visits.visitDate,
			name: visits.name,
			party: visits.party,
			timeZone: sites.timeZone
		})
		.from(visits)
		.innerJoin(sites, eq(sites.id, visits.siteId))
		.where(and(eq(visits.siteId, siteId), eq(visits.inviteCode, code)));
	if (!row?.visitDate) return { ok: false, error: 'visitorInviteInvalid' };
	const refusal = checkInviteUse(
		{ status: row.status, visitDate: row.visitDate },
		siteDate(now, row.timeZone)
	);
	if (refusal) return { ok: false, error: refusal };
	return { ok: true, code, name: row.name ?? '', party: row.party };
}

/** What the kiosk's visitor forms need of the site: how long a remembered visitor is kept. */
export async function kioskVisitorSettings(
	db: Queryable,
	siteId: string
): Promise<{ retentionDays: number }> {
	const [site] = await db
		.select({ settings: sites.settings })
		.from(sites)
		.where(eq(sites.id, siteId));
	return { retentionDays: resolveSiteSettings(site?.settings).visitorRetentionDays };
}
