import { fail, type RequestEvent } from '@sveltejs/kit';
import type { VisitStatus } from '#lib/domain/visitors/visit-lifecycle.js';
import { requirePermission } from '#lib/server/auth/guard.js';
import { formId } from '#lib/server/http/form-values.js';
import { app } from '#lib/server/runtime.js';
import {
	DESK_MOVE_ERROR,
	DESK_NOTE_MAX,
	deskNoteError,
	moveStatus
} from '#lib/server/visitors/desk-input.js';
import { deskViews, visitStatus } from '#lib/server/visitors/desk-views.js';
import { cancelVisit, decideVisit, signOutVisit } from '#lib/server/visitors/visit-moves.js';
import type { Actions, PageServerLoad } from './$types';

/**
 * 访客服务台: who waits for a decision, who is inside, whom the site's midnight signed out, and
 * who is invited today. The page reads itself again when the live stream says a visit changed.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
	const { db, config } = app();
	const { site } = await requirePermission(db, locals, url, 'visitors.desk');
	const now = new Date();
	const views = await deskViews(db, site, { now, consentSeconds: config.visitorConsentSeconds });
	return { now, ...views };
};

const rowError = (visitId: string, error: keyof typeof DESK_MOVE_ERROR) =>
	fail(moveStatus(error), { rowError: { visitId, error: DESK_MOVE_ERROR[error] } });

const notFound = () =>
	fail(404, { rowError: { visitId: '', error: DESK_MOVE_ERROR.visitNotFound } });

/** The host's answer, taken by phone or intercom, with the desk's note. */
async function decide({ locals, url, request }: RequestEvent, decision: 'approve' | 'refuse') {
	const { db } = app();
	const { site, user } = await requirePermission(db, locals, url, 'visitors.desk');
	const form = await request.formData();
	const visitId = formId(form, 'visit');
	if (!visitId) return notFound();
	const note = String(form.get('note') ?? '').slice(0, DESK_NOTE_MAX * 4);
	const noteError = deskNoteError(note);
	if (noteError)
		return fail(400, { decide: { visitId, values: { note }, errors: { note: noteError } } });
	const result = await decideVisit(db, {
		siteId: site.id,
		visitId,
		decision,
		by: { kind: 'desk', staffId: user.id },
		note
	});
	if (!result.ok) return rowError(visitId, result.error);
	return decision === 'approve'
		? { approved: result.visit.passNumber ?? '' }
		: { refused: result.visit.id };
}

/** Cancels a visit only from the list it was shown in: a waiting visitor, or an invitation. */
async function cancel({ locals, url, request }: RequestEvent, from: VisitStatus[]) {
	const { db } = app();
	const { site, user } = await requirePermission(db, locals, url, 'visitors.desk');
	const visitId = formId(await request.formData(), 'visit');
	if (!visitId) return notFound();
	const status = await visitStatus(db, site.id, visitId);
	if (!status) return rowError(visitId, 'visitNotFound');
	// A status can only move on from these, never back: the check cannot go stale in between.
	if (!from.includes(status)) return rowError(visitId, 'visitAlreadyDecided');
	const result = await cancelVisit(db, {
		siteId: site.id,
		visitId,
		actor: { kind: 'staff', staffId: user.id }
	});
	if (!result.ok) return rowError(visitId, result.error);
	return status === 'invited'
		? { inviteCancelled: result.visit.inviteCode ?? '' }
		: { cancelled: result.visit.id };
}

export const actions: Actions = {
	approve: (event) => decide(event, 'approve'),
	refuse: (event) => decide(event, 'refuse'),

	/** The visitor left before anyone decided. */
	cancel: (event) => cancel(event, ['waiting_host', 'at_desk']),
	/** An invitation for today withdrawn. */
	cancelInvite: (event) => cancel(event, ['invited']),

	signOut: async ({ locals, url, request }) => {
		const { db } = app();
		const { site, user } = await requirePermission(db, locals, url, 'visitors.desk');
		const visitId = formId(await request.formData(), 'visit');
		if (!visitId) return notFound();
		const result = await signOutVisit(db, {
			siteId: site.id,
			visitId,
			actor: { kind: 'staff', staffId: user.id }
		});
		if (!result.ok) return rowError(visitId, result.error);
		return { signedOut: result.visit.passNumber ?? '' };
	}
};
