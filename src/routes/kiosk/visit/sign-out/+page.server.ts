import { fail } from '@sveltejs/kit';
import { app } from '#lib/server/runtime.js';
import { signOutAtKiosk } from '#lib/server/visitors/kiosk-sign-out.js';
import { kioskOf } from '../kiosk-device.js';
import { text } from '../visit-form-data.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	kioskOf(locals);
	return {};
};

export const actions: Actions = {
	/** The pass scanned, or its number and code typed: the visit closes, or a field says why not. */
	default: async ({ locals, request }) => {
		const kiosk = kioskOf(locals);
		const form = await request.formData();
		const values = { pass: text(form, 'pass', 40), check: text(form, 'check', 40) };
		const result = await signOutAtKiosk(app().db, {
			siteId: kiosk.siteId,
			kioskId: kiosk.id,
			...values
		});
		if (!result.ok) return fail(400, { ...values, errors: { [result.field]: result.error } });
		return { signedOut: result.passNumber };
	}
};
