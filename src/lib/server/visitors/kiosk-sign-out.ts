import type { ThrottleRule } from '../../domain/throttle.js';
import { normalisePassCheck, parseVisitorPass } from '../../domain/visitors/visitor-pass.js';
import { claimAttempt, forgiveAttempt } from '../auth/throttle-store.js';
import type { Queryable } from '../db/client.js';
import { signOutVisit } from './visit-moves.js';

export type KioskSignOutError =
	| 'kioskVisitPassRequired'
	| 'kioskVisitPassUnknown'
	| 'kioskVisitPassCheckRequired'
	| 'kioskVisitPassNoMatch'
	| 'kioskVisitPassClosed'
	| 'kioskVisitSignOutLocked';

export type KioskSignOut =
	| { ok: true; passNumber: string }
	| { ok: false; field: 'pass' | 'check'; error: KioskSignOutError };

/** Ten wrong codes at one kiosk stop its sign-out for ten minutes; the guard still signs out. */
const SIGN_OUT_RULE: ThrottleRule = {
	maxFailures: 10,
	windowMs: 10 * 60_000,
	lockMs: 10 * 60_000
};

/**
 * Sign-out at the kiosk: the pass's number and its check code, both from a scan of its QR code
 * or typed from the paper. A wrong code and an unknown number read alike, so the kiosk tells
 * nobody which numbers exist; each try counts against the kiosk before the answer is known, and
 * a right one is forgiven, so only misses add up.
 */
export async function signOutAtKiosk(
	db: Queryable,
	input: { siteId: string; kioskId: string; pass: string; check: string },
	now = new Date()
): Promise<KioskSignOut> {
	// A scan that landed in the code's field is a scan all the same.
	const scannedIntoCheck = input.pass.trim() ? null : parseVisitorPass(input.check);
	const pass = scannedIntoCheck?.check ? input.check : input.pass;
	if (!pass.trim()) return { ok: false, field: 'pass', error: 'kioskVisitPassRequired' };
	const parsed = parseVisitorPass(pass);
	if (!parsed) return { ok: false, field: 'pass', error: 'kioskVisitPassUnknown' };
	const check = parsed.check ?? normalisePassCheck(input.check);
	if (!check) return { ok: false, field: 'check', error: 'kioskVisitPassCheckRequired' };

	const attempt = { key: `visit-signout:${input.kioskId}`, rule: SIGN_OUT_RULE };
	const claim = await claimAttempt(db, [attempt], now);
	if (claim.refusedUntil) return { ok: false, field: 'pass', error: 'kioskVisitSignOutLocked' };
	const result = await signOutVisit(
		db,
		{
			siteId: input.siteId,
			pass,
			check,
			actor: { kind: 'device', deviceId: input.kioskId }
		},
		now
	);
	if (result.ok) {
		await forgiveAttempt(db, [attempt]);
		return { ok: true, passNumber: result.visit.passNumber ?? '' };
	}
	if (result.error === 'visitPassClosed') {
		// The right code for a pass already closed: a second scan, not a guess.
		await forgiveAttempt(db, [attempt]);
		return { ok: false, field: 'pass', error: 'kioskVisitPassClosed' };
	}
	return { ok: false, field: 'pass', error: 'kioskVisitPassNoMatch' };
}
