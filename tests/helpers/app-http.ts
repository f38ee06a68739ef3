/**
 * The app's own HTTP paths as a browser takes them, for benchmarks that drive it without a
 * browser: form actions (SvelteKit refuses cross-site posts, hence the origin header), staff
 * sign-in and demo pairing. The kiosk's filing is `fileRepair` in `tests/fault/kiosk-client.ts`.
 */

export const DEMO_PASSWORD = 'lobbydesk';

/** A form action posted as `use:enhance` does; returns the response unread. */
export function postAction(
	baseURL: string,
	path: string,
	form: Record<string, string>,
	cookie = ''
): Promise<Response> {
	return fetch(new URL(path, baseURL), {
		method: 'POST',
		body: new URLSearchParams(form),
		headers: { origin: new URL(baseURL).origin, cookie, 'x-sveltekit-action': 'true' },
		redirect: 'manual'
	});
}

/** The `name=value` of a cookie the response sets. */
export function cookieOf(response: Response, name: string): string {
	const cookie = response.headers
		.getSetCookie()
		.map((c) => c.split(';')[0] ?? '')
		.find((c) => c.startsWith(`${name}=`));
	if (!cookie) throw new Error(`no ${name} cookie (${response.status})`);
	return cookie;
}

/** Signs a demo staff member in; returns the session cookie. */
export async function signInStaff(baseURL: string, username: string): Promise<string> {
	const response = await postAction(baseURL, '/console/sign-in', {
		username,
		password: DEMO_PASSWORD
	});
	return cookieOf(response, 'lobbydesk_session');
}

/** Pairs a new demo kiosk or display (demo mode's one-tap pairing); returns its device cookie. */
export async function pairDemoDevice(baseURL: string, kind: 'kiosk' | 'display'): Promise<string> {
	return cookieOf(await postAction(baseURL, '/pair?/demo', { kind }), 'lobbydesk_device');
}
