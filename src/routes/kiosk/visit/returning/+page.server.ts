import { fail } from '@sveltejs/kit';
import { normaliseMobile } from '#lib/domain/visitors/visitor-form.js';
import { kioskUnits } from '#lib/server/kiosk.js';
import { app } from '#lib/server/runtime.js';
import { kioskVisitorSettings } from '#lib/server/visitors/kiosk-visit-view.js';
import {
	findReturningVisitor,
	normaliseLast4,
	registerReturning
} from '#lib/server/visitors/returning-visitor.js';
import { askHostInBackground } from '../ask-host.js';
import { kioskOf } from '../kiosk-device.js';
import { showVisit } from '../shown-visit.js';
import { idempotencyKey, readVisitDetails, text } from '../visit-form-data.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const kiosk = kioskOf(locals);
	const { db } = app();
	return {
		units: await kioskUnits(db, kiosk.siteId),
		...(await kioskVisitorSettings(db, kiosk.siteId)),
		idempotencyKey: crypto.randomUUID()
	};
};

/** What the visitor typed to be found, and why it cannot be looked up as it is. */
function readLookup(form: FormData) {
	const values = { phone: text(form, 'phone', 40), idLast4: text(form, 'idLast4', 12) };
	const phone = normaliseMobile(values.phone);
	const errors: Record<string, string> = {};
	if (!values.phone.trim()) errors.phone = 'visitorPhoneRequired';
	else if (!phone) errors.phone = 'visitorPhoneFormat';
	if ([...normaliseLast4(values.idLast4)].length !== 4) errors.idLast4 = 'kioskVisitLast4Format';
	return { values, phone, errors };
}

export const actions: Actions = {
	/** Phone and the last four of the document: the last visit, to confirm, or "not found". */
	find: async ({ locals, request }) => {
		const kiosk = kioskOf(locals);
		const { values, phone, errors } = readLookup(await request.formData());
		if (!phone || Object.keys(errors).length) return fail(400, { values, errors });
		const found = await findReturningVisitor(app().db, {
			siteId: kiosk.siteId,
			phone,
			idLast4: values.idLast4
		});
		if (!found.ok) {
			const status = found.error === 'kioskVisitReturningLocked' ? 429 : 400;
			return fail(status, { values, refused: found.error, phone });
		}
		const { maskedName, ...last } = found.visit;
		return {
			values,
			found: { maskedName, ...last, party: String(last.party), remember: true }
		};
	},

	/** The confirmed (or corrected) visit, registered with the identity the server keeps. */
	register: async ({ cookies, locals, request, url }) => {
		const kiosk = kioskOf(locals);
		const form = await request.formData();
		const { values, phone, errors } = readLookup(form);
		if (!phone || Object.keys(errors).length) return fail(400, { values, errors });
		const details = readVisitDetails(form);
		const result = await registerReturning(app().db, {
			siteId: kiosk.siteId,
			kioskId: kiosk.id,
			phone,
			idLast4: values.idLast4,
			details,
			idempotencyKey: idempotencyKey(form)
		});
		if (result.ok) {
			askHostInBackground(result.visit, result.ask, url.origin);
			showVisit(cookies, url, result.visit.id);
		}
		if ('refused' in result) return fail(400, { values, refused: result.refused, phone });
		// Shown again as the visitor left it; the masked name is only ever displayed.
		const maskedName = text(form, 'maskedName', 40);
		return fail(400, { values, found: { maskedName, ...details }, errors: result.errors });
	}
};
