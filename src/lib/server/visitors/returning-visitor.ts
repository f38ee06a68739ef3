import { keyedHash } from './id-hash.js';
import { and, eq } from 'drizzle-orm';
import type { ThrottleRule } from '../../domain/throttle.js';
import { checkVisitorForm, type VisitPurpose } from '../../domain/visitors/visitor-form.js';
import type { Queryable } from '../db/client.js';
import { visitorProfiles } from '../db/schema/index.js';
import { claimAttempt, clearThrottle } from '../auth/throttle-store.js';
import { maskedName } from './host-notify.js';
import { registerVisit, type RegisterResult } from './register-visit.js';

/** Five misses for one phone stop the kiosk answering for it for ten minutes. */
const RETURNING_RULE: ThrottleRule = {
	maxFailures: 5,
	windowMs: 10 * 60_000,
	lockMs: 10 * 60_000
};

export type ReturningError = 'kioskVisitReturningNotFound' | 'kioskVisitReturningLocked';

/**
 * What the kiosk may show a returning visitor: their masked name and their last visit to
 * prefill. Never the full name, the document's hash, or anything else of the profile.
 */
export interface RememberedVisit {
	maskedName: string;
	unitId: string | null;
	hostSurname: string;
	purpose: VisitPurpose | null;
	purposeText: string;
	party: number;
}

type Profile = typeof visitorProfiles.$inferSelect;

/** The last four characters as typed: full-width folded, upper case (an X check digit), no spaces. */
export function normaliseLast4(raw: string): string {
	return raw.normalize('NFKC').toUpperCase().replace(/\s/gu, '');
}

/**
 * A remembered visitor by phone and the last four of their document. A miss counts against the
 * phone before the answer is known (so a burst of guesses cannot slip past the limit), and the
 * answer is the same whether the phone is unknown or the four characters are wrong.
 */
async function findProfile(
	db: Queryable,
	input: { siteId: string; phone: string; idLast4: string },
	now: Date
): Promise<{ ok: true; profile: Profile } | { ok: false; error: ReturningError }> {
	// Keyed on a hash of the phone: the throttle table is not visitor data the retention job sweeps.
	const phoneKey = await keyedHash(db, `phone:${input.phone}`);
	const attempt = { key: `visit-returning:${input.siteId}:${phoneKey}`, rule: RETURNING_RULE };
	const claim = await claimAttempt(db, [attempt], now);
	if (claim.refusedUntil) return { ok: false, error: 'kioskVisitReturningLocked' };
	const [profile] = await db
		.select()
		.from(visitorProfiles)
		.where(and(eq(visitorProfiles.siteId, input.siteId), eq(visitorProfiles.phone, input.phone)));
	if (!profile || profile.idLast4 !== normaliseLast4(input.idLast4)) {
		const error = claim.lockedUntil ? 'kioskVisitReturningLocked' : 'kioskVisitReturningNotFound';
		return { ok: false, error };
	}
	await clearThrottle(db, attempt.key);
	return { ok: true, profile };
}

/** The returning visitor's confirmation screen, or why there is none. */
export async function findReturningVisitor(
	db: Queryable,
	input: { siteId: string; phone: string; idLast4: string },
	now = new Date()
): Promise<{ ok: true; visit: RememberedVisit } | { ok: false; error: ReturningError }> {
	const found = await findProfile(db, input, now);
	if (!found.ok) return found;
	const { profile } = found;
	return {
		ok: true,
		visit: {
			maskedName: maskedName(profile.name),
			unitId: profile.lastUnitId,
			hostSurname: profile.lastHostSurname ?? '',
			purpose: profile.lastPurpose,
			purposeText: profile.lastPurposeText ?? '',
			party: profile.lastParty
		}
	};
}

/** This visit's details, as the confirmation screen sends them back (possibly changed). */
export interface ReturningDetails {
	unitId: string;
	hostSurname: string;
	purpose: string;
	purposeText: string;
	party: string;
	remember: boolean;
}

export type ReturningResult =
	| RegisterResult
	/** Not found again (the profile went, or the lookup is locked): back to the first step. */
	| { ok: false; refused: ReturningError };

/**
 * Registers a returning visitor. The browser holds only what the visitor typed (phone, last
 * four) and this visit's details; the identity is read again from the profile here, and the
 * document's stored hash stands in for the number nobody re-typed.
 */
export async function registerReturning(
	db: Queryable,
	input: {
		siteId: string;
		kioskId: string;
		phone: string;
		idLast4: string;
		details: ReturningDetails;
		idempotencyKey: string;
	},
	now = new Date()
): Promise<ReturningResult> {
	const found = await findProfile(db, input, now);
	if (!found.ok) return { ok: false, refused: found.error };
	const { profile } = found;
	// This visit's details are checked by the full form's own rules. The identity is the
	// profile's, already checked when it was first given: the number, which the kiosk never has
	// back, is a placeholder the rules accept, and is not used (the stored hash is).
	const checked = checkVisitorForm({
		...input.details,
		name: profile.name,
		phone: profile.phone,
		idType: 'other',
		idNumber: 'KEPT'
	});
	if (!checked.ok) return { ok: false, errors: checked.errors };
	return registerVisit(
		db,
		{
			siteId: input.siteId,
			kioskId: input.kioskId,
			idempotencyKey: input.idempotencyKey,
			idHash: profile.idHash,
			entry: {
				...checked.visitor,
				name: profile.name,
				phone: profile.phone,
				idType: profile.idType,
				idNumber: '',
				idLast4: profile.idLast4
			}
		},
		now
	);
}
