import { dev } from '$app/env';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit/hooks';
import { sequence } from '@sveltejs/kit/hooks';
import { error } from '@sveltejs/kit';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE } from '#lib/i18n/locales.js';
import { messagesFor } from '#lib/i18n/messages.js';
import { app, boot } from '#lib/server/runtime.js';
import { SESSION_COOKIE, validateSessionToken } from '#lib/server/auth/session.js';
import {
	clearDeviceCookie,
	clearSessionCookie,
	setDeviceCookie,
	setSessionCookie
} from '#lib/server/auth/cookies.js';
import { DEVICE_COOKIE, validateDeviceToken } from '#lib/server/devices.js';
import { isDatabaseUnreachable } from '#lib/server/db/errors.js';
import { addressUnreadable, formUnreadable } from '#lib/server/http/unreadable-request.js';

/** Migrations and the first-run seed finish before the first request is answered. */
export const init: ServerInit = async () => {
	await boot();
};

/** The owner's and the household's phone pages carry a bearer token in their address. */
const isOwnerLink = (pathname: string) => pathname.startsWith('/o/') || pathname.startsWith('/h/');

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('X-Frame-Options', 'DENY');
	// Other sites never get a Referer: the owner's phone pages carry their token in the address.
	// Not `no-referrer`: with it, a form sent before the page's script runs (a slow phone, no
	// JavaScript) goes out with `Origin: null`, which the cross-site check refuses.
	response.headers.set('Referrer-Policy', 'same-origin');
	if (isOwnerLink(event.url.pathname)) {
		// The token must not be indexed or sit in a shared cache either.
		response.headers.set('X-Robots-Tag', 'noindex, nofollow');
		response.headers.set('Cache-Control', 'no-store');
	}
	return response;
};

/** Chinese unless this device chose otherwise; `<html lang>` follows. */
const locale: Handle = async ({ event, resolve }) => {
	const chosen = event.cookies.get(LOCALE_COOKIE);
	event.locals.locale = isLocale(chosen) ? chosen : DEFAULT_LOCALE;
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale)
	});
};

/**
 * What no page of ours sends (a NUL in the address or a form, a form as text/plain, a broken
 * multipart body) is refused with a 4xx here, not left to end in a 500 deeper down. An enhanced
 * form gets the action result its script reads; anything else the error page.
 */
const unreadable: Handle = async ({ event, resolve }) => {
	const status = addressUnreadable(event.url) ? 400 : await formUnreadable(event.request);
	if (!status) return resolve(event);
	const message = messagesFor(event.locals.locale).errorUnreadable;
	if (event.request.headers.get('x-sveltekit-action') === 'true') {
		return Response.json({ type: 'error', status, error: { message } }, { status });
	}
	error(status, message);
};

const auth: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.session = null;
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const { session, user, renewed } = await validateSessionToken(app().db, token);
		if (session) {
			event.locals.user = user;
			event.locals.session = session;
			if (renewed) setSessionCookie(event.cookies, event.url, token, session.expiresAt);
		} else {
			clearSessionCookie(event.cookies, event.url);
		}
	}
	return resolve(event);
};

/** A paired kiosk or display carries its own long-lived token; a revoked one is forgotten. */
const device: Handle = async ({ event, resolve }) => {
	event.locals.device = null;
	const token = event.cookies.get(DEVICE_COOKIE);
	if (token) {
		event.locals.device = await validateDeviceToken(app().db, token);
		if (event.locals.device) setDeviceCookie(event.cookies, event.url, token);
		else clearDeviceCookie(event.cookies, event.url);
	}
	return resolve(event);
};

export const handle = sequence(securityHeaders, locale, unreadable, auth, device);

/** People see a plain message in their language and a reference; the details go to the log. */
export const handleError: HandleServerError = ({ kind, error, event }) => {
	const m = messagesFor(event.locals.locale ?? DEFAULT_LOCALE);
	if (kind === 'framework') return error.status === 404 ? { message: m.errorNotFound } : undefined;
	if (kind !== 'unknown') return undefined;
	const errorId = crypto.randomUUID().slice(0, 8);
	console.error(
		`[${errorId}] ${event.request.method} ${event.url.pathname}`,
		dev ? error : String(error)
	);
	if (!dev && error instanceof Error && error.stack) console.error(error.stack);
	// The database being away is not a fault of this request: say what it is and that it passes.
	if (isDatabaseUnreachable(error)) return { message: m.errorDatabaseOffline, errorId };
	return { message: m.errorGeneric, errorId };
};
