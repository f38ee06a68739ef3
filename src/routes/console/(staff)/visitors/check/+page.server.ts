import { fail } from '@sveltejs/kit';
import {
	checkIdNumber,
	isIdDocumentType,
	normaliseIdNumber,
	type IdNumberError
} from '#lib/domain/visitors/id-documents.js';
import { parseVisitorPass } from '#lib/domain/visitors/visitor-pass.js';
import { requirePermission } from '#lib/server/auth/guard.js';
import { formId } from '#lib/server/http/form-values.js';
import { app } from '#lib/server/runtime.js';
import { DESK_MOVE_ERROR, moveStatus } from '#lib/server/visitors/desk-input.js';
import { visitByPass, visitsByDocument } from '#lib/server/visitors/desk-views.js';
import { idHash } from '#lib/server/visitors/id-hash.js';
import { signOutVisit } from '#lib/server/visitors/visit-moves.js';
import type { Actions, PageServerLoad } from './$types';

/**
 * 访客核验, the guard's check: a pass number typed or scanned (the pass's QR code holds the number and
 * the kiosk's check code, which the guard does not need) shows whether it holds now and whose it is; a document looked up finds today's visits
 * on it. The document's number is hashed and forgotten: never stored, never sent back.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
	const { db } = app();
	const { site } = await requirePermission(db, locals, url, 'visitors.desk');
	const typed = (url.searchParams.get('pass') ?? '').slice(0, 40);
	if (!typed.trim()) return { typed: '', passError: null, visit: null };
	if (!parseVisitorPass(typed)) {
		return { typed, passError: 'deskPassFormat' as const, visit: null };
	}
	const visit = await visitByPass(db, site, typed, new Date());
	if (!visit) return { typed, passError: 'deskPassUnknown' as const, visit: null };
	return { typed, passError: null, visit };
};

export const actions: Actions = {
	byDocument: async ({ locals, url, request }) => {
		const { db } = app();
		const { site } = await requirePermission(db, locals, url, 'visitors.desk');
		const form = await request.formData();
		const idType = String(form.get('idType') ?? '');
		const idNumber = String(form.get('idNumber') ?? '').slice(0, 60);
		const type = isIdDocumentType(idType) ? idType : null;
		const errors: { idType?: 'visitorIdTypeRequired'; idNumber?: IdNumberError } = {};
		if (!type) errors.idType = 'visitorIdTypeRequired';
		const numberError = type ? checkIdNumber(type, idNumber) : null;
		if (numberError) errors.idNumber = numberError;
		else if (!type && !idNumber.trim()) errors.idNumber = 'visitorIdNumberRequired';
		// The number typed is not sent back, even to be corrected: only the type is kept.
		if (!type || Object.keys(errors).length) {
			return fail(400, { byDocument: { values: { idType }, errors } });
		}
		const hash = await idHash(db, type, normaliseIdNumber(type, idNumber));
		const visits = await visitsByDocument(db, site, hash, new Date());
		return { found: { idType: type, visits } };
	},

	signOut: async ({ locals, url, request }) => {
		const { db } = app();
		const { site, user } = await requirePermission(db, locals, url, 'visitors.desk');
		const visitId = formId(await request.formData(), 'visit');
		if (!visitId) return fail(404, { signOutError: DESK_MOVE_ERROR.visitNotFound });
		const result = await signOutVisit(db, {
			siteId: site.id,
			visitId,
			actor: { kind: 'staff', staffId: user.id }
		});
		if (!result.ok) {
			return fail(moveStatus(result.error), { signOutError: DESK_MOVE_ERROR[result.error] });
		}
		return { signedOut: result.visit.passNumber ?? '' };
	}
};
