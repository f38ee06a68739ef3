import { error, fail } from '@sveltejs/kit';
import { resolveHouseholdLink } from '#lib/server/household-links.js';
import { formId } from '#lib/server/http/form-values.js';
import { qrPath } from '#lib/server/qr.js';
import { headSeq } from '#lib/server/realtime/projections.js';
import { app } from '#lib/server/runtime.js';
import {
	hostCancelInvitation,
	hostDecide,
	hostInvite,
	householdPage,
	type HostDecision,
	type HouseholdAccess
} from '#lib/server/visitors/household-view.js';
import type { VisitMoveError } from '#lib/server/visitors/visit-moves.js';
import type { Actions, PageServerLoad } from './$types';

/**
 * The household's phone page. The link is the only credential: no session, no device. An
 * unknown link is a 404; an expired or withdrawn one, or a household that moved out, a 410.
 */
async function householdOf(token: string): Promise<HouseholdAccess> {
	const link = await resolveHouseholdLink(app().db, token);
	if (!link.ok) error(link.reason === 'unknown' ? 404 : 410, 'This link has expired');
	return link;
}

export const load: PageServerLoad = async ({ params, depends }) => {
	// Read again when a visit at the site changes (the page listens), so a desk's answer shows up.
	depends('app:household');
	const access = await householdOf(params.token);
	const { db } = app();
	// Where the page's live stream starts: read first, so a change meanwhile is heard, not lost.
	const streamSeq = await headSeq(db, access.siteId);
	return { view: await householdPage(db, access), streamSeq };
};

const HOST_MESSAGE: Record<VisitMoveError, 'householdVisitGone' | 'householdAlreadyDecided'> = {
	visitNotFound: 'householdVisitGone',
	visitAlreadyDecided: 'householdAlreadyDecided',
	visitPassUnknown: 'householdVisitGone',
	visitPassClosed: 'householdAlreadyDecided'
};

async function decide(token: string, request: Request, decision: HostDecision) {
	const access = await householdOf(token);
	const visit = formId(await request.formData(), 'visit');
	if (!visit) return fail(404, { decideError: { visit: '', error: HOST_MESSAGE.visitNotFound } });
	const result = await hostDecide(app().db, access, visit, decision);
	if (!result.ok) {
		const status = result.error === 'visitNotFound' ? 404 : 409;
		return fail(status, { decideError: { visit, error: HOST_MESSAGE[result.error] } });
	}
	return { decided: { visit, status: result.status } };
}

const text = (form: FormData, name: string, max: number) =>
	String(form.get(name) ?? '').slice(0, max);

export const actions: Actions = {
	approve: ({ params, request }) => decide(params.token, request, 'approve'),
	refuse: ({ params, request }) => decide(params.token, request, 'refuse'),

	invite: async ({ params, request }) => {
		const access = await householdOf(params.token);
		const form = await request.formData();
		const values = {
			visitDate: text(form, 'visitDate', 20),
			name: text(form, 'name', 100),
			party: text(form, 'party', 10),
			purpose: text(form, 'purpose', 40)
		};
		const result = await hostInvite(app().db, access, values);
		if (!result.ok) {
			if ('errors' in result) return fail(400, { invite: { values, errors: result.errors } });
			return fail(409, { invite: { values, errors: {}, error: result.error } });
		}
		const { code, visitDate, name, party } = result;
		return { invited: { code, visitDate, name, party, qr: qrPath(code) } };
	},

	cancel: async ({ params, request }) => {
		const access = await householdOf(params.token);
		const visit = formId(await request.formData(), 'visit');
		const result = visit
			? await hostCancelInvitation(app().db, access, visit)
			: ({ ok: false, error: 'visitNotFound' } as const);
		if (!result.ok) {
			return fail(result.error === 'visitNotFound' ? 404 : 409, {
				cancelError: { visit: visit ?? '', error: 'householdInviteCannotCancel' as const }
			});
		}
		return { cancelled: visit };
	}
};
