import type { Cookies } from '@sveltejs/kit';
import { DEVICE_COOKIE } from '../devices.js';
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

/** Browsers keep a cookie at most 400 days; each visit of a paired device renews it. */
const DEVICE_COOKIE_SECONDS = 400 * 24 * 60 * 60;

export function setDeviceCookie(cookies: Cookies, url: URL, token: string): void {
	cookies.set(DEVICE_COOKIE, token, { ...options(url), maxAge: DEVICE_COOKIE_SECONDS });
}

export function clearDeviceCookie(cookies: Cookies, url: URL): void {
	cookies.delete(DEVICE_COOKIE, options(url));
}
