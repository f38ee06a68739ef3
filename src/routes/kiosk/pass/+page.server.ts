import { fail, redirect } from '@sveltejs/kit';
import { minutesLeft } from '#lib/domain/home-locks.js';
import {
	addDays,
	checkPassForm,
	DAYS_AHEAD_MAX,
	ITEMS_MAX,
	passItems,
	type ItemLine,
	type PassForm
} from '#lib/domain/release-pass.js';
import { TICKET_CATEGORIES } from '#lib/domain/ticket-categories.js';
import { checkIdentity, isKioskUnit, kioskUnits } from '#lib/server/kiosk.js';
import { filePass, siteToday } from '#lib/server/release-passes.js';
import { app } from '#lib/server/runtime.js';
import type { Actions, PageServerLoad } from './$types';

function kioskOf(locals: App.Locals) {
	if (locals.device?.kind !== 'kiosk') redirect(303, '/kiosk');
	return locals.device;
}

export const load: PageServerLoad = async ({ locals }) => {
	const kiosk = kioskOf(locals);
	const today = await siteToday(app().db, kiosk.siteId, new Date());
	return {
		categories: [...TICKET_CATEGORIES.release_pass],
		units: await kioskUnits(app().db, kiosk.siteId),
		today,
		lastDay: addDays(today, DAYS_AHEAD_MAX),
		maxLines: ITEMS_MAX,
		// One key per visit to the form: a repeated submission of it files one pass.
		idempotencyKey: crypto.randomUUID()
	};
};

const text = (form: FormData, name: string, max: number) =>
	String(form.get(name) ?? '').slice(0, max);

/** The item lines as sent, blank ones included, so each message lands beside its own line. */
function itemLines(form: FormData): ItemLine[] {
	const descriptions = form.getAll('itemDescription').slice(0, ITEMS_MAX + 10);
	const quantities = form.getAll('itemQuantity');
	return descriptions.map((d, i) => ({
		description: String(d).slice(0, 200),
		quantity: String(quantities[i] ?? '').slice(0, 10)
	}));
}

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const kiosk = kioskOf(locals);
		const { db } = app();
		const form = await request.formData();
		const values: PassForm = {
			unitId: text(form, 'unitId', 64),
			phoneLast4: text(form, 'phoneLast4', 8).trim(),
			category: text(form, 'category', 40),
			carryOn: text(form, 'carryOn', 20).trim(),
			carrierName: text(form, 'carrierName', 100),
			items: itemLines(form)
		};
		const idempotencyKey = text(form, 'idempotencyKey', 64) || crypto.randomUUID();
		// The four digits are not sent back: the kiosk's own field still holds them.
		const echo = { ...values, phoneLast4: '' };

		const today = await siteToday(db, kiosk.siteId, new Date());
		const errors: Partial<Record<string, string>> = { ...checkPassForm(values, today) };
		if (values.unitId && !(await isKioskUnit(db, kiosk.siteId, values.unitId))) {
			errors.unitId = 'unitRequired';
		}
		if (Object.keys(errors).length) return fail(400, { values: echo, errors });

		const identity = await checkIdentity(db, {
			siteId: kiosk.siteId,
			unitId: values.unitId,
			phoneLast4: values.phoneLast4,
			deviceId: kiosk.id
		});
		if (!identity.ok) {
			const locked = identity.reason === 'locked';
			const phoneLast4 = locked ? 'unitLocked' : 'identityWrong';
			// How long the home stays locked, for the message that says when to try again.
			const minutes = locked ? minutesLeft(identity.until, new Date()) : 0;
			return fail(locked ? 429 : 400, { values: echo, errors: { phoneLast4 }, minutes });
		}

		const { pass } = await filePass(db, {
			siteId: kiosk.siteId,
			deviceId: kiosk.id,
			residentId: identity.residentId,
			unitId: values.unitId,
			category: values.category,
			carryOn: values.carryOn,
			carrierName: values.carrierName,
			items: passItems(values.items),
			idempotencyKey
		});
		redirect(303, `/kiosk/pass/${pass.id}`);
	}
};
