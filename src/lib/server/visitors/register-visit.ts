import { and, eq } from 'drizzle-orm';
import type { VisitorEntry, VisitorFormErrors } from '../../domain/visitors/visitor-form.js';
import type { Queryable } from '../db/client.js';
import { visitorProfiles, visits } from '../db/schema/index.js';
import { isBlocked } from './blocks.js';
import { matchHost } from './host-match.js';
import { idHash } from './id-hash.js';
import { appendVisitEvent } from './visit-events.js';

export type Visit = typeof visits.$inferSelect;

/** Whom to ask, once the visit is committed: the household and the phones on its file. */
export interface HostToAsk {
	householdId: string;
	phones: string[];
}

export type RegisterResult =
	{ ok: true; visit: Visit; ask: HostToAsk | null } | { ok: false; errors: VisitorFormErrors };

/**
 * A visitor registers at the kiosk. The home must have someone of that surname (the kiosk learns
 * yes or no, nothing else); then the visit waits for the host, or goes straight to the desk when
 * the block list knows the document or the phone. The kiosk's key makes a double tap register
 * one visit. A visitor who agreed to be remembered is kept for next time; one who did not is
 * forgotten, even if remembered before.
 */
export async function registerVisit(
	db: Queryable,
	input: {
		siteId: string;
		kioskId: string;
		entry: VisitorEntry;
		idempotencyKey: string;
		/**
		 * The document's keyed hash when it is already known (a returning visitor's, from their
		 * remembered profile): then `entry.idNumber` is not read, and the number never travels.
		 */
		idHash?: string;
	},
	now = new Date()
): Promise<RegisterResult> {
	const { entry } = input;
	const hash = input.idHash ?? (await idHash(db, entry.idType, entry.idNumber));
	return db.transaction(async (tx) => {
		const [before] = await tx
			.select()
			.from(visits)
			.where(and(eq(visits.siteId, input.siteId), eq(visits.idempotencyKey, input.idempotencyKey)));
		if (before) return { ok: true, visit: before, ask: null };

		const host = await matchHost(
			tx,
			{ siteId: input.siteId, unitId: entry.unitId, surname: entry.hostSurname },
			now
		);
		if (!host.ok) {
			return {
				ok: false,
				errors:
					host.error === 'visitorUnitRequired'
						? { unitId: host.error }
						: { hostSurname: host.error }
			};
		}
		const blocked = await isBlocked(tx, input.siteId, { idHash: hash, phone: entry.phone });
		const [visit] = await tx
			.insert(visits)
			.values({
				siteId: input.siteId,
				unitId: entry.unitId,
				householdId: host.householdId,
				status: blocked ? 'at_desk' : 'waiting_host',
				atDeskReason: blocked ? 'visitor_blocked' : null,
				name: entry.name,
				phone: entry.phone,
				idType: entry.idType,
				idLast4: entry.idLast4,
				idHash: hash,
				hostSurname: entry.hostSurname,
				purpose: entry.purpose,
				purposeText: entry.purposeText,
				party: entry.party,
				kioskId: input.kioskId,
				idempotencyKey: input.idempotencyKey,
				createdAt: now,
				updatedAt: now
			})
			.onConflictDoNothing({ target: [visits.siteId, visits.idempotencyKey] })
			.returning();
		if (!visit) {
			// The same key committed a moment ago by a concurrent submission.
			const [first] = await tx
				.select()
				.from(visits)
				.where(
					and(eq(visits.siteId, input.siteId), eq(visits.idempotencyKey, input.idempotencyKey))
				);
			if (!first) throw new Error('Visit vanished after an idempotency conflict');
			return { ok: true, visit: first, ask: null };
		}
		await rememberOrForget(tx, input.siteId, entry, hash, now);
		await appendVisitEvent(tx, {
			siteId: input.siteId,
			type: 'visit.registered',
			actor: { kind: 'device', deviceId: input.kioskId },
			data: {
				visitId: visit.id,
				status: visit.status,
				party: visit.party,
				purpose: visit.purpose,
				...(blocked ? { atDeskReason: 'visitor_blocked', to: ['desk'] } : {})
			},
			at: now
		});
		return {
			ok: true,
			visit,
			ask: blocked ? null : { householdId: host.householdId, phones: host.phones }
		};
	});
}

/** Keeps the visitor for next time only with their consent; without it, forgets them. */
async function rememberOrForget(
	tx: Queryable,
	siteId: string,
	entry: VisitorEntry,
	hash: string,
	now: Date
): Promise<void> {
	if (!entry.remember) {
		await tx
			.delete(visitorProfiles)
			.where(and(eq(visitorProfiles.siteId, siteId), eq(visitorProfiles.phone, entry.phone)));
		return;
	}
	const profile = {
		name: entry.name,
		idType: entry.idType,
		idLast4: entry.idLast4,
		idHash: hash,
		lastUnitId: entry.unitId,
		lastHostSurname: entry.hostSurname,
		lastPurpose: entry.purpose,
		lastPurposeText: entry.purposeText,
		lastParty: entry.party,
		lastVisitAt: now
	};
	await tx
		.insert(visitorProfiles)
		.values({ siteId, phone: entry.phone, ...profile, createdAt: now })
		.onConflictDoUpdate({ target: [visitorProfiles.siteId, visitorProfiles.phone], set: profile });
}
