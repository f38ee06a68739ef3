import { error, fail, redirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import {
	checkRequest,
	isKioskRequestType,
	type RequestField,
	type RequestForm
} from '#lib/domain/kiosk-request.js';
import { minutesLeft } from '#lib/domain/home-locks.js';
import { fromSiteLocal } from '#lib/domain/site-time.js';
import { TICKET_CATEGORIES } from '#lib/domain/ticket-categories.js';
import { sites } from '#lib/server/db/schema/index.js';
import { checkIdentity, fileFromKiosk, isKioskUnit, kioskUnits } from '#lib/server/kiosk.js';
import { priceList } from '#lib/server/quotes.js';
import { app } from '#lib/server/runtime.js';
import type { Actions, PageServerLoad } from './$types';

function kioskOf(locals: App.Locals) {
	if (locals.device?.kind !== 'kiosk') redirect(303, '/kiosk');
	return locals.device;
}

async function siteTimeZone(siteId: string): Promise<string> {
	const [site] = await app()
		.db.select({ timeZone: sites.timeZone })
		.from(sites)
		.where(eq(sites.id, siteId));
	return site?.timeZone ?? 'Asia/Shanghai';
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const kiosk = kioskOf(locals);
	if (!isKioskRequestType(params.type)) error(404, 'Not found');
	return {
		type: params.type,
		categories: [...TICKET_CATEGORIES[params.type]],
		units: await kioskUnits(app().db, kiosk.siteId),
		priceList: params.type === 'paid_service' ? await priceList(app().db, kiosk.siteId) : [],
		// One key per visit to the form: a repeated submission of it files one ticket.
		idempotencyKey: crypto.randomUUID()
	};
};

const text = (form: FormData, name: string, max: number) =>
	String(form.get(name) ?? '').slice(0, max);

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const kiosk = kioskOf(locals);
		if (!isKioskRequestType(params.type)) error(404, 'Not found');
		const form = await request.formData();
		const values: RequestForm = {
			unitId: text(form, 'unitId', 64),
			phoneLast4: text(form, 'phoneLast4', 8).trim(),
			category: text(form, 'category', 40),
			description: text(form, 'description', 2000),
			preferredAt: text(form, 'preferredAt', 40)
		};
		const idempotencyKey = text(form, 'idempotencyKey', 64) || crypto.randomUUID();
		// The four digits are not sent back: the kiosk's own field still holds them.
		const echo = { ...values, phoneLast4: '' };

		// Only a preferred time needs the site's time zone.
		const [timeZone, unitFound] = await Promise.all([
			values.preferredAt ? siteTimeZone(kiosk.siteId) : null,
			values.unitId ? isKioskUnit(app().db, kiosk.siteId, values.unitId) : true
		]);
		const preferredAt =
			values.preferredAt && timeZone
				? (fromSiteLocal(values.preferredAt, timeZone) ?? 'invalid')
				: null;
		const errors: Partial<Record<RequestField, string>> = checkRequest(
			params.type,
			values,
			preferredAt,
			new Date()
		);
		if (!unitFound) errors.unitId = 'unitRequired';
		if (Object.keys(errors).length) return fail(400, { values: echo, errors });

		const identity = await checkIdentity(app().db, {
			siteId: kiosk.siteId,
			unitId: values.unitId,
			phoneLast4: values.phoneLast4,
			deviceId: kiosk.id
		});
		if (!identity.ok) {
			const minutes = identity.reason === 'locked' ? minutesLeft(identity.until, new Date()) : 0;
			return fail(identity.reason === 'locked' ? 429 : 400, {
				values: echo,
				errors: { phoneLast4: identity.reason === 'locked' ? 'unitLocked' : 'identityWrong' },
				minutes
			});
		}

		const ticket = await fileFromKiosk(app().db, {
			siteId: kiosk.siteId,
			deviceId: kiosk.id,
			residentId: identity.residentId,
			unitId: values.unitId,
			type: params.type,
			category: values.category,
			description: values.description,
			preferredAt: preferredAt instanceof Date ? preferredAt : null,
			idempotencyKey
		});
		redirect(303, `/kiosk/done/${encodeURIComponent(ticket.serial)}`);
	}
};
