import { fail } from '@sveltejs/kit';
import { checkVisitorForm } from '#lib/domain/visitors/visitor-form.js';
import { kioskUnits } from '#lib/server/kiosk.js';
import { app } from '#lib/server/runtime.js';
import { kioskVisitorSettings } from '#lib/server/visitors/kiosk-visit-view.js';
import { registerVisit } from '#lib/server/visitors/register-visit.js';
import { askHostInBackground } from '../ask-host.js';
import { kioskOf } from '../kiosk-device.js';
import { showVisit } from '../shown-visit.js';
import { idempotencyKey, readVisitorForm } from '../visit-form-data.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const kiosk = kioskOf(locals);
	const { db } = app();
	return {
		units: await kioskUnits(db, kiosk.siteId),
		...(await kioskVisitorSettings(db, kiosk.siteId)),
		// One key per visit to the form: a repeated submission of it registers one visit.
		idempotencyKey: crypto.randomUUID()
	};
};

export const actions: Actions = {
	/**
	 * Every field checked at once, each message beside its field and everything typed kept; the
	 * home and surname are answered by the server (yes or no, never who). Registered, the host is
	 * texted and the visitor watches for the answer on the next page.
	 */
	default: async ({ cookies, locals, request, url }) => {
		const kiosk = kioskOf(locals);
		const form = await request.formData();
		const values = readVisitorForm(form);
		const key = idempotencyKey(form);
		const checked = checkVisitorForm(values);
		if (!checked.ok) return fail(400, { values, errors: checked.errors });

		const result = await registerVisit(app().db, {
			siteId: kiosk.siteId,
			kioskId: kiosk.id,
			entry: checked.visitor,
			idempotencyKey: key
		});
		if (!result.ok) return fail(400, { values, errors: result.errors });
		askHostInBackground(result.visit, result.ask, url.origin);
		showVisit(cookies, url, result.visit.id);
	}
};
