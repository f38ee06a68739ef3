import { fail } from '@sveltejs/kit';
import { checkVisitorIdentity } from '#lib/domain/visitors/visitor-form.js';
import { app } from '#lib/server/runtime.js';
import { useInvitation } from '#lib/server/visitors/invitations.js';
import { kioskInvitationThrottled, visitUsedHere } from '#lib/server/visitors/kiosk-visit-view.js';
import { kioskOf } from '../kiosk-device.js';
import { showVisit } from '../shown-visit.js';
import { readIdentity, text } from '../visit-form-data.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	kioskOf(locals);
	return {};
};

export const actions: Actions = {
	/** The code (typed, or a scanner typing it): whether it may be used today, and for whom. */
	code: async ({ locals, request }) => {
		const kiosk = kioskOf(locals);
		const code = text(await request.formData(), 'code', 40);
		const invite = await kioskInvitationThrottled(app().db, {
			siteId: kiosk.siteId,
			kioskId: kiosk.id,
			code
		});
		if (!invite.ok) return fail(400, { code, errors: { code: invite.error } });
		return { code, invite };
	},

	/** The guest's own details: the pass at once, as the host already agreed by inviting. */
	use: async ({ cookies, locals, request, url }) => {
		const kiosk = kioskOf(locals);
		const { db } = app();
		const form = await request.formData();
		const code = text(form, 'code', 40);
		const values = readIdentity(form);
		const invite = await kioskInvitationThrottled(db, {
			siteId: kiosk.siteId,
			kioskId: kiosk.id,
			code
		});
		const checked = checkVisitorIdentity(values);
		if (!invite.ok) {
			// Sent twice by the same guest (a double tap, a retry without JavaScript): their pass.
			const used = checked.ok
				? await visitUsedHere(db, {
						siteId: kiosk.siteId,
						kioskId: kiosk.id,
						code,
						person: checked.person
					})
				: null;
			if (used) showVisit(cookies, url, used);
			return fail(400, { code, values, errors: { code: invite.error } });
		}
		if (!checked.ok) return fail(400, { code, invite, values, errors: checked.errors });
		const used = await useInvitation(db, {
			siteId: kiosk.siteId,
			kioskId: kiosk.id,
			code,
			person: checked.person
		});
		if (!used.ok) return fail(400, { code, invite, values, errors: { code: used.error } });
		showVisit(cookies, url, used.visit.id);
	}
};
