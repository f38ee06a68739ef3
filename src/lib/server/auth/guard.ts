import { redirect } from '@sveltejs/kit';
import type { SessionUser } from './session.js';

/** Every staff page load and action calls this itself; a layout check alone is not enough. */
export function requireStaff(locals: App.Locals, url: URL): SessionUser {
	if (!locals.user) {
		redirect(303, `/console/sign-in?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
	}
	return locals.user;
}
