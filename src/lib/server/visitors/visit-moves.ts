import { and, eq, sql } from 'drizzle-orm';
import { siteDateKey } from '../../domain/site-time.js';
import { canMove, type VisitStatus } from '../../domain/visitors/visit-lifecycle.js';
import {
	canonicalVisitorPass,
	generatePassCheck,
	parseVisitorPass,
	visitorPassPrefix
} from '../../domain/visitors/visitor-pass.js';
import type { Queryable } from '../db/client.js';
import { isUuid } from '../http/form-values.js';
import { sites, visits } from '../db/schema/index.js';
import type { Actor } from '../event-log.js';
import { nextSerial } from '../tickets.js';
import { appendVisitEvent } from './visit-events.js';
import type { Visit } from './register-visit.js';

export const VISIT_MOVE_ERRORS = [
	'visitNotFound',
	/** Someone else decided first, or the visit is over. */
	'visitAlreadyDecided',
	'visitPassUnknown',
	'visitPassClosed'
] as const;
export type VisitMoveError = (typeof VISIT_MOVE_ERRORS)[number];

export type VisitMoveResult = { ok: true; visit: Visit } | { ok: false; error: VisitMoveError };

/** Who decides: the host on their phone (their household only) or the desk. */
export type Decider =
	| { kind: 'host'; householdId: string; residentId: string | null }
	| { kind: 'desk'; staffId: string };

const NOTE_MAX = 200;

async function siteZone(tx: Queryable, siteId: string): Promise<string> {
	const [site] = await tx.select({ tz: sites.timeZone }).from(sites).where(eq(sites.id, siteId));
	return site?.tz ?? 'Asia/Shanghai';
}

export interface IssuedPass {
	passNumber: string;
	passCheck: string;
}

/** Gives the visit its pass: the site's day and that day's next number, and a check code. */
export async function issuePass(tx: Queryable, siteId: string, now: Date): Promise<IssuedPass> {
	const prefix = visitorPassPrefix(siteDateKey(now, await siteZone(tx, siteId)));
	return { passNumber: await nextSerial(tx, siteId, prefix), passCheck: generatePassCheck() };
}

export const NO_PASS = { passNumber: null, passCheck: null };

async function lockVisit(tx: Queryable, siteId: string, visitId: string) {
	if (!isUuid(visitId)) return undefined;
	const [visit] = await tx
		.select()
		.from(visits)
		.where(and(eq(visits.id, visitId), eq(visits.siteId, siteId)))
		.for('update');
	return visit;
}

/**
 * The host's or the desk's answer. The host may answer while the visit waits for them, and still
 * after it went to the desk for their silence (until the desk has answered); never for a visitor
 * the block list sent to the desk. The row lock makes the first answer the only one.
 */
export async function decideVisit(
	db: Queryable,
	input: {
		siteId: string;
		visitId: string;
		decision: 'approve' | 'refuse';
		by: Decider;
		note?: string;
	},
	now = new Date()
): Promise<VisitMoveResult> {
	return db.transaction(async (tx) => {
		const visit = await lockVisit(tx, input.siteId, input.visitId);
		if (!visit) return { ok: false, error: 'visitNotFound' };
		const { by } = input;
		if (by.kind === 'host') {
			if (visit.householdId !== by.householdId) return { ok: false, error: 'visitNotFound' };
			const hostMayAnswer =
				visit.status === 'waiting_host' ||
				(visit.status === 'at_desk' && visit.atDeskReason === 'host_silent');
			if (!hostMayAnswer) return { ok: false, error: 'visitAlreadyDecided' };
		}
		const to: VisitStatus = input.decision === 'approve' ? 'approved' : 'refused';
		if (!canMove(visit.status, to) || visit.status === 'invited') {
			return { ok: false, error: 'visitAlreadyDecided' };
		}
		const note = input.note?.trim().slice(0, NOTE_MAX) || null;
		const pass = to === 'approved' ? await issuePass(tx, input.siteId, now) : NO_PASS;
		const [moved] = await tx
			.update(visits)
			.set({
				status: to,
				...pass,
				approvedAt: to === 'approved' ? now : null,
				decidedAt: now,
				decidedByStaffId: by.kind === 'desk' ? by.staffId : null,
				decidedByResidentId: by.kind === 'host' ? by.residentId : null,
				note: note ? sql`concat_ws(' / ', ${visits.note}, ${note}::text)` : visits.note,
				updatedAt: now
			})
			.where(eq(visits.id, visit.id))
			.returning();
		if (!moved) throw new Error(`Visit ${visit.id} vanished under its lock`);
		const actor: Actor =
			by.kind === 'desk'
				? { kind: 'staff', staffId: by.staffId }
				: { kind: 'resident', residentId: by.residentId };
		await appendVisitEvent(tx, {
			siteId: input.siteId,
			type: to === 'approved' ? 'visit.approved' : 'visit.refused',
			actor,
			data: { visitId: visit.id, status: to, passNumber: pass.passNumber, by: by.kind },
			at: now
		});
		return { ok: true, visit: moved };
	});
}

/** The visitor left before anyone decided (the desk records it), or an invitation withdrawn. */
export async function cancelVisit(
	db: Queryable,
	input: { siteId: string; visitId: string; actor: Actor; householdId?: string },
	now = new Date()
): Promise<VisitMoveResult> {
	return db.transaction(async (tx) => {
		const visit = await lockVisit(tx, input.siteId, input.visitId);
		if (!visit) return { ok: false, error: 'visitNotFound' };
		if (input.householdId && visit.householdId !== input.householdId) {
			return { ok: false, error: 'visitNotFound' };
		}
		if (!canMove(visit.status, 'cancelled')) return { ok: false, error: 'visitAlreadyDecided' };
		const [moved] = await tx
			.update(visits)
			.set({ status: 'cancelled', decidedAt: now, updatedAt: now })
			.where(eq(visits.id, visit.id))
			.returning();
		if (!moved) throw new Error(`Visit ${visit.id} vanished under its lock`);
		await appendVisitEvent(tx, {
			siteId: input.siteId,
			type: visit.status === 'invited' ? 'visit.invite_cancelled' : 'visit.cancelled',
			actor: input.actor,
			data: { visitId: visit.id, status: 'cancelled' },
			at: now
		});
		return { ok: true, visit: moved };
	});
}

/**
 * Sign-out by pass number (the kiosk's scanner, or the guard typing it) or by the visit's id
 * (the guard's list). With `check`, the pass's check code must match too: the kiosk asks for
 * it, as anyone may stand there; a wrong code reads as an unknown pass. The update carries the
 * rule: of two sign-outs at once, one wins and the other hears that the pass is already closed.
 */
export async function signOutVisit(
	db: Queryable,
	input: { siteId: string; pass?: string; check?: string; visitId?: string; actor: Actor },
	now = new Date()
): Promise<VisitMoveResult> {
	const parsed = input.pass === undefined ? null : parseVisitorPass(input.pass);
	if (input.pass !== undefined && !parsed) return { ok: false, error: 'visitPassUnknown' };
	if (input.pass === undefined && !isUuid(input.visitId)) {
		return { ok: false, error: 'visitPassUnknown' };
	}
	const which = parsed
		? and(
				eq(visits.passNumber, canonicalVisitorPass(input.pass ?? '') ?? ''),
				input.check === undefined ? undefined : eq(visits.passCheck, input.check)
			)
		: eq(visits.id, input.visitId ?? '');
	return db.transaction(async (tx) => {
		const [moved] = await tx
			.update(visits)
			.set({
				status: 'signed_out',
				signedOutAt: now,
				signedOutByStaffId: input.actor.kind === 'staff' ? (input.actor.staffId ?? null) : null,
				updatedAt: now
			})
			.where(and(eq(visits.siteId, input.siteId), which, eq(visits.status, 'approved')))
			.returning();
		if (!moved) {
			const [known] = await tx
				.select({ id: visits.id })
				.from(visits)
				.where(and(eq(visits.siteId, input.siteId), which));
			return { ok: false, error: known ? 'visitPassClosed' : 'visitPassUnknown' };
		}
		await appendVisitEvent(tx, {
			siteId: input.siteId,
			type: 'visit.signed_out',
			actor: input.actor,
			data: { visitId: moved.id, status: 'signed_out', passNumber: moved.passNumber },
			at: now
		});
		return { ok: true, visit: moved };
	});
}
