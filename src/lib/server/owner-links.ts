import { and, eq, isNull } from 'drizzle-orm';
import type { Queryable } from './db/client.js';
import { ownerLinks, tickets } from './db/schema/index.js';
import { generateToken, hashToken } from './auth/tokens.js';

/**
 * The owner's phone link to one request (the QR code on the kiosk's receipt). The token is a
 * bearer secret: 160 random bits, only its SHA-256 stored, so a leaked table opens nothing.
 *
 * A link lasts 30 days from when it was made: long enough for a repair or a paid service to run
 * its course and be followed up (a few days) with room to spare, short enough that a receipt left
 * in a bin stops working. A new receipt makes a new link; the old ones keep working until they
 * expire or are revoked.
 */
export const OWNER_LINK_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Tokens are 20 random bytes in lower-case base32: 32 characters. Anything else is not ours. */
const TOKEN = /^[a-z2-7]{32}$/;

export interface MintedLink {
	token: string;
	expiresAt: Date;
}

export async function mintOwnerLink(
	db: Queryable,
	ticketId: string,
	now = new Date()
): Promise<MintedLink> {
	const token = generateToken();
	const expiresAt = new Date(now.getTime() + OWNER_LINK_DAYS * DAY_MS);
	await db
		.insert(ownerLinks)
		.values({ ticketId, tokenHash: hashToken(token), expiresAt, createdAt: now });
	return { token, expiresAt };
}

export type ResolvedLink =
	| { ok: true; linkId: string; ticketId: string; siteId: string; expiresAt: Date }
	/** No such link (or not a ticket's): 404. */
	| { ok: false; reason: 'unknown' }
	/** It was real but is over: 410. */
	| { ok: false; reason: 'expired' | 'revoked' };

/** The request a token opens, if the link is still good; each use is recorded (`lastUsedAt`). */
export async function resolveOwnerLink(
	db: Queryable,
	token: string,
	now = new Date()
): Promise<ResolvedLink> {
	if (!TOKEN.test(token)) return { ok: false, reason: 'unknown' };
	const [link] = await db
		.select({
			id: ownerLinks.id,
			ticketId: ownerLinks.ticketId,
			siteId: tickets.siteId,
			expiresAt: ownerLinks.expiresAt,
			revokedAt: ownerLinks.revokedAt
		})
		.from(ownerLinks)
		.innerJoin(tickets, eq(tickets.id, ownerLinks.ticketId))
		.where(eq(ownerLinks.tokenHash, hashToken(token)));
	if (!link?.ticketId) return { ok: false, reason: 'unknown' };
	if (link.revokedAt) return { ok: false, reason: 'revoked' };
	if (link.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
	await db.update(ownerLinks).set({ lastUsedAt: now }).where(eq(ownerLinks.id, link.id));
	return {
		ok: true,
		linkId: link.id,
		ticketId: link.ticketId,
		siteId: link.siteId,
		expiresAt: link.expiresAt
	};
}

/** Ends every link to a request at once (a receipt handed to the wrong person). */
export async function revokeOwnerLinks(
	db: Queryable,
	ticketId: string,
	now = new Date()
): Promise<number> {
	const revoked = await db
		.update(ownerLinks)
		.set({ revokedAt: now })
		.where(and(eq(ownerLinks.ticketId, ticketId), isNull(ownerLinks.revokedAt)))
		.returning({ id: ownerLinks.id });
	return revoked.length;
}
