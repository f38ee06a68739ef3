import { and, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { sessions, staffUsers } from '../db/schema/index.js';
import { generateToken, hashToken } from './tokens.js';

/** After the Lucia guide: 30-day sessions, renewed when fewer than 15 days remain. */
export const SESSION_COOKIE = 'lobbydesk_session';
const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY;
const RENEW_WITHIN_MS = 15 * DAY;
/** "Last seen" for the list of one's sessions; coarse, so a page view is not a write. */
const LAST_SEEN_RESOLUTION_MS = 5 * 60 * 1000;

export interface SessionUser {
	id: string;
	username: string;
	displayName: string;
	mustChangePassword: boolean;
}

export interface Session {
	id: string;
	userId: string;
	expiresAt: Date;
}

export type SessionValidation =
	| { session: Session; user: SessionUser; renewed: boolean }
	| { session: null; user: null; renewed: false };

/** The token lives only in the cookie. */
export const generateSessionToken = generateToken;

/** The database stores only this hash, so a leaked table grants no sign-in. */
export const sessionIdOf = hashToken;

export async function createSession(
	db: Queryable,
	token: string,
	userId: string,
	client: { userAgent?: string; ipAddress?: string } = {},
	now = new Date()
): Promise<Session> {
	const session: Session = {
		id: sessionIdOf(token),
		userId,
		expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS)
	};
	await db.insert(sessions).values({
		...session,
		createdAt: now,
		lastSeenAt: now,
		userAgent: client.userAgent?.slice(0, 300) ?? '',
		ipAddress: client.ipAddress ?? ''
	});
	return session;
}

/**
 * The session and user behind a token. Pages renew it (and the cookie with it); a socket, which
 * cannot set a cookie, only reads (`renew: false`), so the two never disagree about the expiry.
 */
export async function validateSessionToken(
	db: Queryable,
	token: string,
	now = new Date(),
	{ renew = true } = {}
): Promise<SessionValidation> {
	const id = sessionIdOf(token);
	const [row] = await db
		.select({
			session: { id: sessions.id, userId: sessions.userId, expiresAt: sessions.expiresAt },
			lastSeenAt: sessions.lastSeenAt,
			user: {
				id: staffUsers.id,
				username: staffUsers.username,
				displayName: staffUsers.displayName,
				mustChangePassword: staffUsers.mustChangePassword
			}
		})
		.from(sessions)
		.innerJoin(staffUsers, and(eq(staffUsers.id, sessions.userId), isNull(staffUsers.disabledAt)))
		.where(eq(sessions.id, id));
	if (!row) return { session: null, user: null, renewed: false };
	const { session, user } = row;
	if (now.getTime() >= session.expiresAt.getTime()) {
		if (renew) await db.delete(sessions).where(eq(sessions.id, id));
		return { session: null, user: null, renewed: false };
	}
	if (!renew) return { session, user, renewed: false };
	const renewed = session.expiresAt.getTime() - now.getTime() < RENEW_WITHIN_MS;
	if (renewed) session.expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
	if (renewed || now.getTime() - row.lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS) {
		await db
			.update(sessions)
			.set({ lastSeenAt: now, expiresAt: session.expiresAt })
			.where(eq(sessions.id, id));
	}
	return { session, user, renewed };
}
