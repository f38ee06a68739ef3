import { redirect } from '@sveltejs/kit';
import { clearSessionCookie } from '#lib/server/auth/cookies.js';
import { app } from '#lib/server/runtime.js';
import { endSessions } from '#lib/server/staff.js';
import type { RequestHandler } from './$types';

/** Ends this session everywhere it is open: other tabs' live connections close too. */
export const POST: RequestHandler = async ({ locals, cookies, url }) => {
	if (locals.session) {
		await endSessions(app().db, locals.session.userId, { only: [locals.session.id] });
	}
	clearSessionCookie(cookies, url);
	redirect(303, '/console/sign-in');
};
