import { expect, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../src/lib/realtime/events.js';
import type { Audience, StreamMessage, SubscribeReply } from '../../src/lib/realtime/stream.js';
import { demoResidents } from '../../src/lib/server/demo-seed.js';

export const PASSWORD = 'lobbydesk';

/** Whether the browser runs the page's script (a context may turn JavaScript off). */
export interface Scripted {
	script?: boolean;
}

/** Signs in through the page, as a person would. */
export async function signIn(
	page: Page,
	username: string,
	password = PASSWORD,
	{ script = true }: Scripted = {}
): Promise<void> {
	await page.goto('/console/sign-in');
	await page.getByLabel('用户名').fill(username);
	await page.getByLabel('密码').fill(password);
	await page.getByRole('button', { name: '登录' }).click();
	// Checking an argon2id hash while two browsers and the server share two cores can take seconds.
	await expect(page).not.toHaveURL(/sign-in/, { timeout: 15_000 });
	if (script) await hydrated(page);
}

/**
 * Waits until the page's script runs (the root layout marks it). A tap before then is the bare
 * HTML's: a link loads a whole new page, and a value typed may be reset when the script starts.
 */
export async function hydrated(page: Page): Promise<void> {
	await expect(page.locator('html[data-hydrated]')).toHaveCount(1, { timeout: 15_000 });
}

/** Makes this browser the demo kiosk or display with the home page's demo button. */
export async function pairDemo(
	page: Page,
	kind: 'kiosk' | 'display',
	{ script = true }: Scripted = {}
): Promise<void> {
	await page.goto('/');
	await page
		.getByRole('button', {
			name: kind === 'kiosk' ? '演示：把本机用作自助终端' : '演示：把本机用作大厅显示屏'
		})
		.click();
	await expect(page).toHaveURL(kind === 'kiosk' ? /\/kiosk$/ : /\/display$/);
	if (script) await hydrated(page);
}

/**
 * A wall display in a browser of its own, tall enough for every open ticket of the shared test
 * server on one page (a real wall pages through a longer list every ten seconds).
 */
export async function wallPage(browser: Browser): Promise<Page> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 8000 } });
	const wall = await context.newPage();
	await pairDemo(wall, 'display');
	await expect(wall.getByRole('heading', { level: 1 })).toHaveText('服务动态');
	return wall;
}

/** A form post as the browser sends it (SvelteKit refuses cross-site form posts). */
export async function postForm(
	request: APIRequestContext,
	baseURL: string,
	path: string,
	form: Record<string, string>,
	cookie?: string
) {
	return request.post(new URL(path, baseURL).toString(), {
		form,
		headers: { origin: baseURL, ...(cookie ? { cookie } : {}), 'x-sveltekit-action': 'true' },
		maxRedirects: 0
	});
}

/** Signs in over HTTP and returns the session cookie header. */
export async function sessionCookie(
	request: APIRequestContext,
	baseURL: string,
	username: string,
	password = PASSWORD
): Promise<string> {
	const response = await postForm(request, baseURL, '/console/sign-in', { username, password });
	const setCookie = response.headersArray().find((h) => h.name.toLowerCase() === 'set-cookie');
	const cookie = /lobbydesk_session=[^;]+/.exec(setCookie?.value ?? '')?.[0];
	if (!cookie) throw new Error(`sign-in as ${username} failed: ${response.status()}`);
	return cookie;
}

/** The cookie header a paired page holds. */
export async function cookieHeader(page: Page): Promise<string> {
	const cookies = await page.context().cookies();
	return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents> & {
	received: StreamMessage[];
};

/** A socket.io-client in this test process, presenting the given cookies like a browser would. */
export async function openSocket(baseURL: string, cookie?: string): Promise<TestSocket> {
	const socket = io(baseURL, {
		transports: ['websocket'],
		reconnection: false,
		extraHeaders: cookie ? { cookie } : {}
	}) as TestSocket;
	socket.received = [];
	socket.on('stream', (message) => socket.received.push(message));
	await new Promise<void>((resolve, reject) => {
		socket.once('connect', () => resolve());
		socket.once('connect_error', reject);
	});
	return socket;
}

export async function subscribe<A extends Audience>(
	socket: TestSocket,
	audience: A,
	after: number | null
): Promise<SubscribeReply<A>> {
	const reply = await socket.timeout(5_000).emitWithAck('stream:subscribe', { audience, after });
	return reply as SubscribeReply<A>;
}

const demoPeople = demoResidents(40);

/**
 * A demo home by its place in the demo's list (2 buildings × 2 entrances × 5 floors × 2 rooms),
 * with the last four digits of its first resident's phone. Each test uses its own homes, so the
 * kiosk's per-home counts are its own.
 */
export function demoHome(i: number) {
	const building = Math.floor(i / 20) + 1;
	const entrance = Math.floor((i % 20) / 10) + 1;
	const room = `${Math.floor((i % 10) / 2) + 1}0${(i % 2) + 1}`;
	return {
		zh: `${building}号楼${entrance}单元${room}室`,
		en: `Bldg ${building}, Entr. ${entrance}, Rm ${room}`,
		last4: demoPeople[i]?.[0]?.phone.slice(-4) ?? ''
	};
}

/** Tomorrow 10:00 on the site's clock, as a datetime-local field takes it and as pages show it. */
export function tomorrowTen(): { field: string; shown: string } {
	const day = new Intl.DateTimeFormat('en-CA', {
		timeZone: 'Asia/Shanghai',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit'
	}).format(new Date(Date.now() + 24 * 60 * 60 * 1000));
	return { field: `${day}T10:00`, shown: `${day} 10:00` };
}
