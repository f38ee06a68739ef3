import { and, eq, isNull } from 'drizzle-orm';
import { ACCOUNT_RULE, ADDRESS_RULE } from '../../domain/throttle.js';
import type { Queryable } from '../db/client.js';
import { staffUsers } from '../db/schema/index.js';
import { hashPassword, verifyPassword } from './password.js';
import { claimAttempt, clearThrottle, forgiveAttempt } from './throttle-store.js';

/** Verified against when the name is unknown, so a wrong name costs as long as a wrong password. */
let decoyHash: Promise<string> | undefined;

export function normalizeUsername(username: string): string {
	return username.trim().toLowerCase();
}

/** The active staff member with this name and password, or null. No throttling: see `signIn`. */
export async function authenticate(
	db: Queryable,
	username: string,
	password: string
): Promise<{ id: string } | null> {
	const [user] = await db
		.select({ id: staffUsers.id, passwordHash: staffUsers.passwordHash })
		.from(staffUsers)
		.where(
			and(eq(staffUsers.username, normalizeUsername(username)), isNull(staffUsers.disabledAt))
		);
	if (!user?.passwordHash) {
		await verifyPassword(await (decoyHash ??= hashPassword('decoy-password')), password);
		return null;
	}
	return (await verifyPassword(user.passwordHash, password)) ? { id: user.id } : null;
}

export type SignInResult =
	| { ok: true; userId: string }
	| { ok: false; reason: 'wrong' }
	| { ok: false; reason: 'throttled'; until: Date };

/**
 * Checks a sign-in against the throttles of the account and of the address it comes from, then
 * the password. Each attempt counts against both before the password is checked (so a burst of
 * parallel guesses gets no more tries than a slow one); a success takes its count back and
 * clears the account's.
 */
export async function signIn(
	db: Queryable,
	input: { username: string; password: string; address: string; now?: Date }
): Promise<SignInResult> {
	const now = input.now ?? new Date();
	const account = { key: `user:${normalizeUsername(input.username)}`, rule: ACCOUNT_RULE };
	const address = { key: `ip:${input.address}`, rule: ADDRESS_RULE };
	const claim = await claimAttempt(db, [account, address], now);
	if (claim.refusedUntil) return { ok: false, reason: 'throttled', until: claim.refusedUntil };

	const user = await authenticate(db, input.username, input.password);
	if (user) {
		await clearThrottle(db, account.key);
		await forgiveAttempt(db, [address]);
		return { ok: true, userId: user.id };
	}
	return claim.lockedUntil
		? { ok: false, reason: 'throttled', until: claim.lockedUntil }
		: { ok: false, reason: 'wrong' };
}
