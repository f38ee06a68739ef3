import { and, eq, isNull } from 'drizzle-orm';
import type { Queryable } from './db/client.js';
import { households, ownerLinks } from './db/schema/index.js';
import { generateToken, hashToken } from './auth/tokens.js';
import { OWNER_LINK_DAYS, type MintedLink } from './owner-links.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const TOKEN = /^[a-z2-7]{32}$/;

/**
 * The household's phone page (`/h/<token>`): the visitors waiting for its consent and its
 * invitations. The same kind of link as a request's (a 160-bit bearer secret, only its hash
 * stored, 30 days), sent by text to the household's phones when a visitor asks for them.
 */
export async function mintHouseholdLink(
	db: Queryable,
	householdId: string,
	now = new Date()
): Promise<MintedLink> {
	const token = generateToken();
	const expiresAt = new Date(now.getTime() + OWNER_LINK_DAYS * DAY_MS);
	await db
		.insert(ownerLinks)
		.values({ householdId, tokenHash: hashToken(token), expiresAt, createdAt: now });
	return { token, expiresAt };
}

export type ResolvedHouseholdLink =
	| { ok: true; householdId: string; siteId: string; unitId: string; expiresAt: Date }
	| { ok: false; reason: 'unknown' | 'expired' | 'revoked' | 'moved_out' };

/** The household a token opens, if the link is still good and the household still lives there. */
export async function resolveHouseholdLink(
	db: Queryable,
	token: string,
	now = new Date()
): Promise<ResolvedHouseholdLink> {
	if (!TOKEN.test(token)) return { ok: false, reason: 'unknown' };
	const [link] = await db
		.select({
			id: ownerLinks.id,
			householdId: households.id,
			siteId: households.siteId,
			unitId: households.unitId,
			movedOutOn: households.movedOutOn,
			expiresAt: ownerLinks.expiresAt,
			revokedAt: ownerLinks.revokedAt
		})
		.from(ownerLinks)
		.innerJoin(households, eq(households.id, ownerLinks.householdId))
		.where(and(eq(ownerLinks.tokenHash, hashToken(token)), isNull(ownerLinks.ticketId)));
	if (!link) return { ok: false, reason: 'unknown' };
	if (link.revokedAt) return { ok: false, reason: 'revoked' };
	if (link.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
	// A household that moved out no longer answers for the home.
	if (link.movedOutOn) return { ok: false, reason: 'moved_out' };
	await db.update(ownerLinks).set({ lastUsedAt: now }).where(eq(ownerLinks.id, link.id));
	return {
		ok: true,
		householdId: link.householdId,
		siteId: link.siteId,
		unitId: link.unitId,
		expiresAt: link.expiresAt
	};
}
