import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from './session.js';

/**
 * httpOnly and SameSite=Lax, living as long as the session. SvelteKit marks it Secure on every
 * origin but plain-http localhost.
 */
export function setSessionCookie(cookies: Cookies, token: string, expiresAt: Date): void {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		expires: expiresAt
	});
}

export function clearSessionCookie(cookies: Cookies): void {
	cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax' });
}
