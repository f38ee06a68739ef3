import { redirect, type Cookies } from '@sveltejs/kit';

/**
 * Which visit this kiosk's screen may show: the one just registered here, until the kiosk goes
 * home. The kiosk and the day alone are not enough: the browser's back button would bring the
 * previous visitor's pass (their masked name, whom they visit) up for the next person.
 */
const COOKIE = 'kiosk-visit';
/** Long enough to wait for the answer and read the pass; the kiosk's home clears it sooner. */
const MAX_AGE_SECONDS = 3 * 60 * 60;

function options(url: URL) {
	return {
		path: '/kiosk',
		httpOnly: true,
		sameSite: 'strict',
		secure: url.protocol === 'https:'
	} as const;
}

/** After registering (or a retry of it): this visit is the screen's, and the screen goes to it. */
export function showVisit(cookies: Cookies, url: URL, visitId: string): never {
	cookies.set(COOKIE, visitId, { ...options(url), maxAge: MAX_AGE_SECONDS });
	redirect(303, `/kiosk/visit/${visitId}`);
}

export function isShownVisit(cookies: Cookies, visitId: string): boolean {
	return cookies.get(COOKIE) === visitId;
}

/** The kiosk's home: whoever comes next starts with nothing of the last visitor's. */
export function forgetShownVisit(cookies: Cookies, url: URL): void {
	if (cookies.get(COOKIE) !== undefined) cookies.delete(COOKIE, options(url));
}
