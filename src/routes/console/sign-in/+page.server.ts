import { fail, redirect } from '@sveltejs/kit';
import { setSessionCookie } from '#lib/server/auth/cookies.js';
import { createSession, generateSessionToken } from '#lib/server/auth/session.js';
import { formatSiteTime } from '#lib/domain/site-time.js';
import { signIn } from '#lib/server/auth/sign-in.js';
import { defaultSite } from '#lib/server/sites.js';
import { localPath } from '#lib/server/http/local-path.js';
import { app } from '#lib/server/runtime.js';
import type { Actions, PageServerLoad } from './$types';

/** Back to the console page that asked for sign-in; never anywhere else. */
function returnPath(url: URL): string {
	const to = localPath(url.searchParams.get('redirectTo'), url, '/console');
	return to === '/console' || to.startsWith('/console/') || to.startsWith('/console?')
		? to
		: '/console';
}

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, returnPath(url));
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = await request.formData();
		const username = String(form.get('username') ?? '').slice(0, 100);
		const password = String(form.get('password') ?? '').slice(0, 200);
		const values = { username };
		if (!username.trim() || !password) {
			return fail(400, {
				values,
				errors: {
					username: username.trim() ? undefined : ('signInRequired' as const),
					password: password ? undefined : ('signInRequired' as const)
				}
			});
		}
		const { db } = app();
		const result = await signIn(db, { username, password, address: getClientAddress() });
		if (!result.ok && result.reason === 'wrong') {
			return fail(400, { values, errors: { form: 'signInWrong' as const } });
		}
		if (!result.ok) {
			const site = await defaultSite(db);
			const retry = {
				minutes: Math.max(1, Math.ceil((result.until.getTime() - Date.now()) / 60_000)),
				time: formatSiteTime(result.until, site?.timeZone ?? 'Asia/Shanghai')
			};
			return fail(429, { values, errors: { form: 'signInThrottled' as const }, retry });
		}

		const token = generateSessionToken();
		const session = await createSession(db, token, result.userId, {
			userAgent: request.headers.get('user-agent') ?? '',
			ipAddress: getClientAddress()
		});
		setSessionCookie(cookies, url, token, session.expiresAt);
		redirect(303, returnPath(url));
	}
};
