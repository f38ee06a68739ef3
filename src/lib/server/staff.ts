import { and, asc, count, desc, eq, gt, inArray, ne } from 'drizzle-orm';
import type { StaffRole } from '../domain/vocabulary.js';
import type { Queryable } from './db/client.js';
import { isUniqueViolation } from './db/errors.js';
import { sessions, staffRoles, staffUsers } from './db/schema/index.js';
import { ACCOUNT_RULE } from '../domain/throttle.js';
import { generatePassword, hashPassword, verifyPassword } from './auth/password.js';
import { claimAttempt, clearThrottle } from './auth/throttle-store.js';
import { appendEvent, type Actor } from './event-log.js';
import { notifyControl } from './realtime/channels.js';

export interface StaffRow {
	id: string;
	username: string;
	displayName: string;
	role: StaffRole;
	disabled: boolean;
	sessions: number;
}

/** Everyone with a role at the site, with how many sessions each has open. */
export async function listStaff(db: Queryable, siteId: string): Promise<StaffRow[]> {
	const rows = await db
		.select({
			id: staffUsers.id,
			username: staffUsers.username,
			displayName: staffUsers.displayName,
			role: staffRoles.role,
			disabledAt: staffUsers.disabledAt,
			sessions: count(sessions.id)
		})
		.from(staffRoles)
		.innerJoin(staffUsers, eq(staffUsers.id, staffRoles.userId))
		.leftJoin(sessions, and(eq(sessions.userId, staffUsers.id), gt(sessions.expiresAt, new Date())))
		.where(eq(staffRoles.siteId, siteId))
		.groupBy(staffUsers.id, staffRoles.role)
		.orderBy(asc(staffUsers.username));
	return rows.map(({ disabledAt, ...row }) => ({ ...row, disabled: disabledAt !== null }));
}

/** A new account with a role at the site and a one-time password it must change. */
export async function createStaff(
	db: Queryable,
	input: { siteId: string; username: string; displayName: string; role: StaffRole; actor: Actor }
): Promise<{ ok: true; password: string } | { ok: false; error: 'usernameTaken' }> {
	const password = generatePassword();
	const passwordHash = await hashPassword(password);
	try {
		await db.transaction(async (tx) => {
			const [user] = await tx
				.insert(staffUsers)
				.values({
					username: input.username,
					displayName: input.displayName.trim(),
					passwordHash,
					mustChangePassword: true
				})
				.returning({ id: staffUsers.id });
			if (!user) throw new Error('Staff insert returned no row');
			await tx
				.insert(staffRoles)
				.values({ userId: user.id, siteId: input.siteId, role: input.role });
			await appendEvent(tx, {
				siteId: input.siteId,
				type: 'staff.created',
				actor: input.actor,
				data: { userId: user.id, username: input.username, role: input.role }
			});
		});
	} catch (error) {
		if (isUniqueViolation(error, 'staff_users_username_unique')) {
			return { ok: false, error: 'usernameTaken' };
		}
		throw error;
	}
	return { ok: true, password };
}

export async function setStaffRole(
	db: Queryable,
	input: { siteId: string; userId: string; role: StaffRole; actor: Actor }
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(staffRoles)
			.set({ role: input.role })
			.where(and(eq(staffRoles.siteId, input.siteId), eq(staffRoles.userId, input.userId)))
			.returning();
		if (!row) return false;
		await appendEvent(tx, {
			siteId: input.siteId,
			type: 'staff.role_changed',
			actor: input.actor,
			data: { userId: input.userId, role: input.role }
		});
		return true;
	});
}

/**
 * Disables or re-enables an account of the site. Disabling ends its sessions at once, here and
 * in every other process.
 */
export async function setStaffDisabled(
	db: Queryable,
	input: { siteId: string; userId: string; disabled: boolean; actor: Actor },
	now = new Date()
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const [role] = await tx
			.select()
			.from(staffRoles)
			.where(and(eq(staffRoles.siteId, input.siteId), eq(staffRoles.userId, input.userId)));
		if (!role) return false;
		await tx
			.update(staffUsers)
			.set({ disabledAt: input.disabled ? now : null })
			.where(eq(staffUsers.id, input.userId));
		if (input.disabled) {
			await tx.delete(sessions).where(eq(sessions.userId, input.userId));
			await notifyControl(tx, { kind: 'user.disabled', userId: input.userId });
		}
		await appendEvent(tx, {
			siteId: input.siteId,
			type: input.disabled ? 'staff.disabled' : 'staff.enabled',
			actor: input.actor,
			data: { userId: input.userId },
			at: now
		});
		return true;
	});
}

export interface SessionRow {
	id: string;
	createdAt: Date;
	lastSeenAt: Date;
	userAgent: string;
	ipAddress: string;
}

export async function listSessions(db: Queryable, userId: string): Promise<SessionRow[]> {
	return db
		.select({
			id: sessions.id,
			createdAt: sessions.createdAt,
			lastSeenAt: sessions.lastSeenAt,
			userAgent: sessions.userAgent,
			ipAddress: sessions.ipAddress
		})
		.from(sessions)
		.where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, new Date())))
		.orderBy(desc(sessions.lastSeenAt));
}

/** Ends sessions of this user: the given ones, or all but `keep`. Their sockets drop at once. */
export async function endSessions(
	db: Queryable,
	userId: string,
	which: { only: string[] } | { allBut: string }
): Promise<number> {
	return db.transaction(async (tx) => {
		const ended = await tx
			.delete(sessions)
			.where(
				and(
					eq(sessions.userId, userId),
					'only' in which ? inArray(sessions.id, which.only) : ne(sessions.id, which.allBut)
				)
			)
			.returning({ id: sessions.id });
		if (ended.length) {
			await notifyControl(tx, { kind: 'sessions.ended', sessionIds: ended.map((s) => s.id) });
		}
		return ended.length;
	});
}

/**
 * Changes one's own password after checking the current one; every other session of the
 * account ends (a person changing a password usually means to lock someone out). Guesses at the
 * current password are throttled like sign-ins, so a borrowed session cannot try forever.
 */
export async function changePassword(
	db: Queryable,
	input: { userId: string; sessionId: string; current: string; next: string; now?: Date }
): Promise<
	| { ok: true }
	| { ok: false; error: 'currentWrong' }
	| { ok: false; error: 'throttled'; until: Date }
> {
	const now = input.now ?? new Date();
	const attempt = { key: `password:${input.userId}`, rule: ACCOUNT_RULE };
	const claim = await claimAttempt(db, [attempt], now);
	if (claim.refusedUntil) return { ok: false, error: 'throttled', until: claim.refusedUntil };
	const [user] = await db
		.select({ passwordHash: staffUsers.passwordHash })
		.from(staffUsers)
		.where(eq(staffUsers.id, input.userId));
	if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.current))) {
		return claim.lockedUntil
			? { ok: false, error: 'throttled', until: claim.lockedUntil }
			: { ok: false, error: 'currentWrong' };
	}
	await clearThrottle(db, attempt.key);
	const passwordHash = await hashPassword(input.next);
	await db
		.update(staffUsers)
		.set({ passwordHash, mustChangePassword: false })
		.where(eq(staffUsers.id, input.userId));
	await endSessions(db, input.userId, { allBut: input.sessionId });
	return { ok: true };
}

/** One's own mobile on record, or null. */
export async function ownPhone(db: Queryable, userId: string): Promise<string | null> {
	const [user] = await db
		.select({ phone: staffUsers.phone })
		.from(staffUsers)
		.where(eq(staffUsers.id, userId));
	return user?.phone ?? null;
}

/**
 * Sets (or, with null, clears) one's own mobile: a director is texted on it when someone calls for
 * help at a kiosk (`emergency-texts.ts`). The number is nobody else's business: no event carries it.
 */
export async function setOwnPhone(
	db: Queryable,
	input: { userId: string; phone: string | null }
): Promise<void> {
	await db.update(staffUsers).set({ phone: input.phone }).where(eq(staffUsers.id, input.userId));
}
