import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from './session.js';

/** httpOnly, SameSite=Lax, Secure whenever the site is served over HTTPS. */
function options(url: URL) {
	return { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:' } as const;
}

export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: Date): void {
	cookies.set(SESSION_COOKIE, token, { ...options(url), expires: expiresAt });
}

export function clearSessionCookie(cookies: Cookies, url: URL): void {
	cookies.delete(SESSION_COOKIE, options(url));
}
