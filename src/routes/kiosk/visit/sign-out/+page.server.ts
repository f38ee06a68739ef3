import { fail } from '@sveltejs/kit';
import { app } from '#lib/server/runtime.js';
import { signOutVisit } from '#lib/server/visitors/visit-moves.js';
import { kioskOf } from '../kiosk-device.js';
import { text } from '../visit-form-data.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	kioskOf(locals);
	return {};
};

export const actions: Actions = {
	/** The pass scanned or typed: the visit closes, or the field says why it cannot. */
	default: async ({ locals, request }) => {
		const kiosk = kioskOf(locals);
		const pass = text(await request.formData(), 'pass', 40);
		if (!pass.trim()) return fail(400, { pass, errors: { pass: 'kioskVisitPassRequired' } });
		const result = await signOutVisit(app().db, {
			siteId: kiosk.siteId,
			pass,
			actor: { kind: 'device', deviceId: kiosk.id }
		});
		if (!result.ok) {
			const error =
				result.error === 'visitPassClosed' ? 'kioskVisitPassClosed' : 'kioskVisitPassUnknown';
			return fail(400, { pass, errors: { pass: error } });
		}
		return { signedOut: result.visit.passNumber ?? pass.trim().toUpperCase() };
	}
};
