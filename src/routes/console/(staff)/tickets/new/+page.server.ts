import { fail, redirect } from '@sveltejs/kit';
import { checkDeskRequest, type DeskField, type DeskForm } from '#lib/domain/desk-request.js';
import { fromSiteLocal } from '#lib/domain/site-time.js';
import { requirePermission } from '#lib/server/auth/guard.js';
import { fileFromDesk } from '#lib/server/desk-filing.js';
import { kioskUnits } from '#lib/server/kiosk.js';
import { app } from '#lib/server/runtime.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { db } = app();
	const { site } = await requirePermission(db, locals, url, 'ticket.file');
	return {
		units: await kioskUnits(db, site.id),
		// One key per visit to the form: submitting it twice files one ticket.
		idempotencyKey: crypto.randomUUID()
	};
};

const FIELDS: DeskField[] = [
	'type',
	'channel',
	'unitId',
	'callerName',
	'callerPhone',
	'category',
	'description',
	'preferredAt'
];

export const actions: Actions = {
	default: async ({ locals, url, request }) => {
		const { db } = app();
		const { user, site } = await requirePermission(db, locals, url, 'ticket.file');
		const form = await request.formData();
		const values = Object.fromEntries(
			FIELDS.map((name) => [name, String(form.get(name) ?? '').slice(0, 2000)])
		) as unknown as DeskForm;
		const preferredAt = values.preferredAt
			? (fromSiteLocal(values.preferredAt, site.timeZone) ?? 'invalid')
			: null;
		const checked = checkDeskRequest(values, preferredAt, new Date());
		const units = await kioskUnits(db, site.id);
		const errors: Partial<Record<DeskField, string>> = checked.ok ? {} : { ...checked.errors };
		if (values.unitId && !units.some((u) => u.id === values.unitId)) errors.unitId = 'unitRequired';
		if (!checked.ok || Object.keys(errors).length) return fail(400, { values, errors });

		const ticket = await fileFromDesk(db, {
			siteId: site.id,
			staffId: user.id,
			request: checked.request,
			preferredAt: preferredAt instanceof Date ? preferredAt : null,
			idempotencyKey: String(form.get('idempotencyKey') ?? '').slice(0, 64) || crypto.randomUUID()
		});
		redirect(303, `/console/tickets/${encodeURIComponent(ticket.serial)}`);
	}
};
