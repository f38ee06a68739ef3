import { redirect } from '@sveltejs/kit';

/** The visitor pages are a kiosk's: anything else is sent to the kiosk's home (which says how to pair). */
export function kioskOf(locals: App.Locals) {
	if (locals.device?.kind !== 'kiosk') redirect(303, '/kiosk');
	return locals.device;
}
