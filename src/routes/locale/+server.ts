import { redirect } from '@sveltejs/kit';
import { isLocale, LOCALE_COOKIE } from '#lib/i18n/locales.js';
import { localPath } from '#lib/server/http/local-path.js';
import type { RequestHandler } from './$types';

const YEAR_SECONDS = 365 * 24 * 60 * 60;

/** The language toggle: remembered by this device (kiosk, display or browser) for a year. */
export const POST: RequestHandler = async ({ request, cookies, url }) => {
	const form = await request.formData().catch(() => new FormData());
	const locale = form.get('locale');
	if (isLocale(locale)) {
		cookies.set(LOCALE_COOKIE, locale, {
			secure: url.protocol === 'https:',
			path: '/',
			maxAge: YEAR_SECONDS,
			httpOnly: false,
			sameSite: 'lax'
		});
	}
	redirect(303, localPath(form.get('redirectTo'), url, '/'));
};
