import { and, eq } from 'drizzle-orm';
import { siteDate } from '../../domain/release-pass.js';
import {
	checkInviteUse,
	generateInviteCode,
	normaliseInviteCode,
	type InviteUseError
} from '../../domain/visitors/invite-code.js';
import type { VisitorIdentity } from '../../domain/visitors/visitor-form.js';
import type { VisitPurpose } from '../../domain/visitors/visitor-form.js';
import type { Queryable } from '../db/client.js';
import { sites, visits } from '../db/schema/index.js';
import type { Actor } from '../event-log.js';
import { isBlocked } from './blocks.js';
import { currentHousehold } from './host-match.js';
import { idHash } from './id-hash.js';
import { appendVisitEvent } from './visit-events.js';
import { issuePass, NO_PASS } from './visit-moves.js';
import type { Visit } from './register-visit.js';

const CODE_TRIES = 8;

/** Who invites: a resident from their household's page, or staff at the desk. */
export type Inviter =
	| { kind: 'host'; householdId: string; residentId: string | null }
	| { kind: 'desk'; staffId: string };

export interface NewInvitation {
	siteId: string;
	unitId: string;
	/** `YYYY-MM-DD`, already checked with `checkInviteDate`. */
	visitDate: string;
	/** The guest's name as the host gives it, so the desk knows whom to expect. */
	name: string;
	party: number;
	purpose: VisitPurpose;
	by: Inviter;
}

export type InviteResult =
	| { ok: true; visit: Visit }
	| { ok: false; error: 'visitorUnitRequired' | 'visitorInviteNoHousehold' };

/**
 * A visit prepared ahead: the code (shown as text and QR to pass on to the guest) turns into a
 * pass at the kiosk on that date without asking the host again, since inviting is consenting.
 */
export async function createInvitation(
	db: Queryable,
	input: NewInvitation,
	options: { now?: Date; newCode?: () => string } = {}
): Promise<InviteResult> {
	const now = options.now ?? new Date();
	const newCode = options.newCode ?? (() => generateInviteCode());
	return db.transaction(async (tx) => {
		const household = await currentHousehold(tx, input.siteId, input.unitId);
		if (!household) return { ok: false, error: 'visitorInviteNoHousehold' };
		if (input.by.kind === 'host' && input.by.householdId !== household.householdId) {
			return { ok: false, error: 'visitorUnitRequired' };
		}
		for (let i = 0; i < CODE_TRIES; i++) {
			const [visit] = await tx
				.insert(visits)
				.values({
					siteId: input.siteId,
					unitId: input.unitId,
					householdId: household.householdId,
					status: 'invited',
					name: input.name,
					purpose: input.purpose,
					party: input.party,
					visitDate: input.visitDate,
					inviteCode: newCode(),
					invitedByResidentId: input.by.kind === 'host' ? input.by.residentId : null,
					invitedByStaffId: input.by.kind === 'desk' ? input.by.staffId : null,
					createdAt: now,
					updatedAt: now
				})
				.onConflictDoNothing({ target: [visits.siteId, visits.inviteCode] })
				.returning();
			if (!visit) continue;
			const actor: Actor =
				input.by.kind === 'desk'
					? { kind: 'staff', staffId: input.by.staffId }
					: { kind: 'resident', residentId: input.by.residentId };
			await appendVisitEvent(tx, {
				siteId: input.siteId,
				type: 'visit.invited',
				actor,
				data: {
					visitId: visit.id,
					status: 'invited',
					party: visit.party,
					visitDate: input.visitDate
				},
				at: now
			});
			return { ok: true, visit };
		}
		throw new Error(`No unused invitation code after ${CODE_TRIES} tries`);
	});
}

export type InviteUseResult = { ok: true; visit: Visit } | { ok: false; error: InviteUseError };

/**
 * The guest at the kiosk: the code, then their own name, phone and document (the seed's "valid
 * ID" is registered for every visitor). Approved at once, pass and all, unless the block list
 * knows them: then the desk decides, and the screen says only "please see the desk".
 */
export async function useInvitation(
	db: Queryable,
	input: {
		siteId: string;
		kioskId: string;
		code: string;
		person: VisitorIdentity;
	},
	now = new Date()
): Promise<InviteUseResult> {
	const code = normaliseInviteCode(input.code);
	const hash = await idHash(db, input.person.idType, input.person.idNumber);
	return db.transaction(async (tx) => {
		const [site] = await tx
			.select({ timeZone: sites.timeZone })
			.from(sites)
			.where(eq(sites.id, input.siteId));
		const [invite] = await tx
			.select()
			.from(visits)
			.where(and(eq(visits.siteId, input.siteId), eq(visits.inviteCode, code)))
			.for('update');
		if (!invite?.visitDate) return { ok: false, error: 'visitorInviteInvalid' };
		const refusal = checkInviteUse(
			{ status: invite.status, visitDate: invite.visitDate },
			siteDate(now, site?.timeZone ?? 'Asia/Shanghai')
		);
		if (refusal) return { ok: false, error: refusal };
		// Inviting is the household's consent: a household that has since moved out gives none.
		const household = await currentHousehold(tx, input.siteId, invite.unitId);
		if (household?.householdId !== invite.householdId) {
			return { ok: false, error: 'visitorInviteInvalid' };
		}

		const blocked = await isBlocked(tx, input.siteId, { idHash: hash, phone: input.person.phone });
		const pass = blocked ? NO_PASS : await issuePass(tx, input.siteId, now);
		const [visit] = await tx
			.update(visits)
			.set({
				status: blocked ? 'at_desk' : 'approved',
				atDeskReason: blocked ? 'visitor_blocked' : null,
				name: input.person.name,
				phone: input.person.phone,
				idType: input.person.idType,
				idLast4: input.person.idLast4,
				idHash: hash,
				kioskId: input.kioskId,
				...pass,
				approvedAt: blocked ? null : now,
				decidedAt: blocked ? null : now,
				updatedAt: now
			})
			.where(eq(visits.id, invite.id))
			.returning();
		if (!visit) throw new Error(`Invitation ${invite.id} vanished under its lock`);
		await appendVisitEvent(tx, {
			siteId: input.siteId,
			type: blocked ? 'visit.registered' : 'visit.approved',
			actor: { kind: 'device', deviceId: input.kioskId },
			data: blocked
				? { visitId: visit.id, status: 'at_desk', atDeskReason: 'visitor_blocked', to: ['desk'] }
				: { visitId: visit.id, status: 'approved', passNumber: pass.passNumber, by: 'invitation' },
			at: now
		});
		return { ok: true, visit };
	});
}
