import type { IncomingHttpHeaders } from 'node:http';
import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { StaffRole } from '../../domain/vocabulary.js';
import type { Queryable } from '../db/client.js';
import { devices, households, ownerLinks, sessions, staffUsers } from '../db/schema/index.js';
import { resolveHouseholdLink } from '../household-links.js';
import { SESSION_COOKIE, validateSessionToken } from '../auth/session.js';
import { DEVICE_COOKIE, validateDeviceToken, type DeviceIdentity } from '../devices.js';
import { sitesOfStaff } from '../sites.js';
import { hashToken } from '../auth/tokens.js';

/** Who is at the other end of a socket, from the same cookies the pages use. */
export interface SocketIdentity {
	user: {
		id: string;
		sessionId: string;
		mustChangePassword: boolean;
		roles: { siteId: string; role: StaffRole }[];
	} | null;
	/** With the hash of the token it presented, to notice when that token stops working. */
	device: (DeviceIdentity & { tokenHash: string }) | null;
	/**
	 * A household's phone page, by the link's token in the handshake's `auth` (never a cookie or
	 * the socket's address). It may hear the public stream only: ids, counts, nothing personal.
	 */
	household: { householdId: string; siteId: string; tokenHash: string } | null;
}

export function parseCookies(header: string | undefined): Map<string, string> {
	const cookies = new Map<string, string>();
	for (const part of (header ?? '').split(';')) {
		const index = part.indexOf('=');
		if (index < 0) continue;
		const name = part.slice(0, index).trim();
		const value = part.slice(index + 1).trim();
		try {
			if (name && !cookies.has(name)) cookies.set(name, decodeURIComponent(value));
		} catch {
			// a malformed value is no credential
		}
	}
	return cookies;
}

/**
 * A browser on another site cannot open a socket with our cookies: when the handshake names an
 * origin, it must be this host. (Clients that are not browsers send none, and need a credential.)
 */
export function sameOrigin(headers: IncomingHttpHeaders): boolean {
	const origin = headers.origin;
	if (!origin) return true;
	try {
		return new URL(origin).host === headers.host;
	} catch {
		return false;
	}
}

export async function identify(
	db: Queryable,
	headers: IncomingHttpHeaders,
	auth: unknown = {}
): Promise<SocketIdentity> {
	const cookies = parseCookies(headers.cookie);
	const identity: SocketIdentity = { user: null, device: null, household: null };
	const householdToken = (auth as { household?: unknown } | null)?.household;
	if (typeof householdToken === 'string') {
		const link = await resolveHouseholdLink(db, householdToken);
		if (link.ok) {
			identity.household = {
				householdId: link.householdId,
				siteId: link.siteId,
				tokenHash: hashToken(householdToken)
			};
		}
	}
	const sessionToken = cookies.get(SESSION_COOKIE);
	if (sessionToken) {
		const { session, user } = await validateSessionToken(db, sessionToken, new Date(), {
			renew: false
		});
		if (session && user) {
			const sites = await sitesOfStaff(db, user.id);
			identity.user = {
				id: user.id,
				sessionId: session.id,
				mustChangePassword: user.mustChangePassword,
				roles: sites.map(({ site, role }) => ({ siteId: site.id, role }))
			};
		}
	}
	const deviceToken = cookies.get(DEVICE_COOKIE);
	if (deviceToken) {
		const device = await validateDeviceToken(db, deviceToken);
		if (device) identity.device = { ...device, tokenHash: hashToken(deviceToken) };
	}
	return identity;
}

export interface SocketCredentials {
	sessionIds: string[];
	deviceTokenHashes: string[];
	householdTokenHashes?: string[];
}

export interface StaleCredentials {
	sessionIds: Set<string>;
	deviceTokenHashes: Set<string>;
	householdTokenHashes: Set<string>;
}

/**
 * Of the sockets' credentials, those no longer good: sessions ended or expired, accounts
 * disabled, device tokens revoked or replaced by a new pairing, household links expired,
 * withdrawn, or of a household that moved out.
 */
export async function staleCredentials(
	db: Queryable,
	{ sessionIds, deviceTokenHashes, householdTokenHashes = [] }: SocketCredentials,
	now = new Date()
): Promise<StaleCredentials> {
	const liveSessions = sessionIds.length
		? await db
				.select({ id: sessions.id })
				.from(sessions)
				.innerJoin(
					staffUsers,
					and(eq(staffUsers.id, sessions.userId), isNull(staffUsers.disabledAt))
				)
				.where(and(inArray(sessions.id, sessionIds), gt(sessions.expiresAt, now)))
		: [];
	const liveDevices = deviceTokenHashes.length
		? await db
				.select({ tokenHash: devices.tokenHash })
				.from(devices)
				.where(and(inArray(devices.tokenHash, deviceTokenHashes), isNull(devices.revokedAt)))
		: [];
	const liveLinks = householdTokenHashes.length
		? await db
				.select({ tokenHash: ownerLinks.tokenHash })
				.from(ownerLinks)
				.innerJoin(
					households,
					and(eq(households.id, ownerLinks.householdId), isNull(households.movedOutOn))
				)
				.where(
					and(
						inArray(ownerLinks.tokenHash, householdTokenHashes),
						isNull(ownerLinks.revokedAt),
						gt(ownerLinks.expiresAt, now)
					)
				)
		: [];
	const good = (rows: { tokenHash: string | null }[]) => new Set(rows.map((r) => r.tokenHash));
	const goodSessions = new Set(liveSessions.map((s) => s.id));
	const goodDevices = good(liveDevices);
	const goodLinks = good(liveLinks);
	return {
		sessionIds: new Set(sessionIds.filter((id) => !goodSessions.has(id))),
		deviceTokenHashes: new Set(deviceTokenHashes.filter((h) => !goodDevices.has(h))),
		householdTokenHashes: new Set(householdTokenHashes.filter((h) => !goodLinks.has(h)))
	};
}
