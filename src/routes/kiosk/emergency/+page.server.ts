import { fail, redirect } from '@sveltejs/kit';
import { checkEmergency, type EmergencyForm } from '#lib/domain/emergency.js';
import { emergencyBuildings, emergencyHomes, fileEmergency } from '#lib/server/emergency.js';
import { app } from '#lib/server/runtime.js';
import { textDirectorsInBackground } from './text-directors.js';
import type { Actions, PageServerLoad } from './$types';

function kioskOf(locals: App.Locals) {
	if (locals.device?.kind !== 'kiosk') redirect(303, '/kiosk');
	return locals.device;
}

export const load: PageServerLoad = async ({ locals }) => {
	const kiosk = kioskOf(locals);
	const [buildings, homes] = await Promise.all([
		emergencyBuildings(app().db, kiosk.siteId),
		emergencyHomes(app().db, kiosk.siteId)
	]);
	return {
		buildings,
		homes,
		// One key per visit to the form: a double tap or a retry files one emergency.
		idempotencyKey: crypto.randomUUID()
	};
};

const text = (form: FormData, name: string, max: number) =>
	String(form.get(name) ?? '').slice(0, max);

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const kiosk = kioskOf(locals);
		const form = await request.formData();
		const values: EmergencyForm = {
			kind: text(form, 'kind', 40),
			buildingId: text(form, 'buildingId', 64),
			floor: text(form, 'floor', 16),
			room: text(form, 'room', 100),
			note: text(form, 'note', 1000)
		};
		const idempotencyKey = text(form, 'idempotencyKey', 64) || crypto.randomUUID();
		const buildings = await emergencyBuildings(app().db, kiosk.siteId);
		const checked = checkEmergency(values, buildings);
		if (!checked.ok) return fail(400, { values, errors: checked.errors });

		const { ticket, filed } = await fileEmergency(app().db, {
			siteId: kiosk.siteId,
			deviceId: kiosk.id,
			kind: checked.kind,
			place: checked.place,
			idempotencyKey
		});
		// The director hears of it even when not signed in; a retry of the same call texts no one.
		if (filed) textDirectorsInBackground(ticket.id);
		redirect(303, `/kiosk/emergency/${encodeURIComponent(ticket.serial)}`);
	}
};
