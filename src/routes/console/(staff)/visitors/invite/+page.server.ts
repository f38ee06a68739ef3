import { fail } from '@sveltejs/kit';
import { addDays, siteDate } from '#lib/domain/release-pass.js';
import { checkInviteDate, INVITE_DAYS_AHEAD_MAX } from '#lib/domain/visitors/invite-code.js';
import {
	isVisitPurpose,
	nameError,
	normaliseName,
	parseParty,
	type VisitorFormError
} from '#lib/domain/visitors/visitor-form.js';
import type { InviteDateError } from '#lib/domain/visitors/invite-code.js';
import { requirePermission } from '#lib/server/auth/guard.js';
import { kioskUnits } from '#lib/server/kiosk.js';
import { qrPath } from '#lib/server/qr.js';
import { app } from '#lib/server/runtime.js';
import { createInvitation } from '#lib/server/visitors/invitations.js';
import type { Actions, PageServerLoad } from './$types';

/**
 * 邀请访客 at the desk: a resident phones to say a guest is coming on a day; staff record it and
 * read the code back (or print it). On that day the guest types it at the kiosk.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
	const { db } = app();
	const { site } = await requirePermission(db, locals, url, 'visitors.desk');
	const today = siteDate(new Date(), site.timeZone);
	return {
		units: await kioskUnits(db, site.id),
		today,
		lastDay: addDays(today, INVITE_DAYS_AHEAD_MAX)
	};
};

const FIELDS = ['unitId', 'name', 'party', 'purpose', 'visitDate'] as const;
type InviteField = (typeof FIELDS)[number];
type InviteError = VisitorFormError | InviteDateError | 'visitorInviteNoHousehold';

export const actions: Actions = {
	invite: async ({ locals, url, request }) => {
		const { db } = app();
		const { site, user } = await requirePermission(db, locals, url, 'visitors.desk');
		const form = await request.formData();
		const values = Object.fromEntries(
			FIELDS.map((name) => [name, String(form.get(name) ?? '').slice(0, 100)])
		) as Record<InviteField, string>;

		const errors: Partial<Record<InviteField, InviteError>> = {};
		const units = await kioskUnits(db, site.id);
		const unit = units.find((u) => u.id === values.unitId);
		if (!unit) errors.unitId = 'visitorUnitRequired';
		const name = nameError(values.name);
		if (name) errors.name = name;
		const party = parseParty(values.party);
		if (party === null) errors.party = 'visitorPartyInvalid';
		const purpose = isVisitPurpose(values.purpose) ? values.purpose : null;
		if (!purpose) errors.purpose = 'visitorPurposeRequired';
		const date = checkInviteDate(values.visitDate, siteDate(new Date(), site.timeZone));
		if (date) errors.visitDate = date;
		if (Object.keys(errors).length || !unit || party === null || !purpose) {
			return fail(400, { values, errors });
		}

		const result = await createInvitation(db, {
			siteId: site.id,
			unitId: unit.id,
			visitDate: values.visitDate,
			name: normaliseName(values.name),
			party,
			purpose,
			by: { kind: 'desk', staffId: user.id }
		});
		if (!result.ok) return fail(400, { values, errors: { unitId: result.error } });
		const code = result.visit.inviteCode ?? '';
		return {
			invited: {
				code,
				qr: qrPath(code),
				visitDate: values.visitDate,
				unit: { building: unit.building, entrance: unit.entrance, room: unit.room },
				name: result.visit.name ?? '',
				party,
				purpose
			}
		};
	}
};
