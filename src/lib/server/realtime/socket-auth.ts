import type { IncomingHttpHeaders } from 'node:http';
import type { StaffRole } from '../../domain/vocabulary.js';
import type { Queryable } from '../db/client.js';
import { SESSION_COOKIE, validateSessionToken } from '../auth/session.js';
import { DEVICE_COOKIE, validateDeviceToken, type DeviceIdentity } from '../devices.js';
import { sitesOfStaff } from '../sites.js';

/** Who is at the other end of a socket, from the same cookies the pages use. */
export interface SocketIdentity {
	user: { id: string; sessionId: string; roles: { siteId: string; role: StaffRole }[] } | null;
	device: DeviceIdentity | null;
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
	headers: IncomingHttpHeaders
): Promise<SocketIdentity> {
	const cookies = parseCookies(headers.cookie);
	const identity: SocketIdentity = { user: null, device: null };
	const sessionToken = cookies.get(SESSION_COOKIE);
	if (sessionToken) {
		const { session, user } = await validateSessionToken(db, sessionToken);
		if (session && user) {
			const sites = await sitesOfStaff(db, user.id);
			identity.user = {
				id: user.id,
				sessionId: session.id,
				roles: sites.map(({ site, role }) => ({ siteId: site.id, role }))
			};
		}
	}
	const deviceToken = cookies.get(DEVICE_COOKIE);
	if (deviceToken) identity.device = await validateDeviceToken(db, deviceToken);
	return identity;
}
