import { redirect } from '@sveltejs/kit';
import { clearSessionCookie } from '#lib/server/auth/cookies.js';
import { invalidateSession } from '#lib/server/auth/session.js';
import { app } from '#lib/server/runtime.js';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ locals, cookies, url }) => {
	if (locals.session) await invalidateSession(app().db, locals.session.id);
	clearSessionCookie(cookies, url);
	redirect(303, '/console/sign-in');
};
