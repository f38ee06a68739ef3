import { gzipSync } from 'node:zlib';
import type { Browser, Page } from '@playwright/test';
import { cookieFor } from './chromium.ts';

/**
 * A page's first visit as a fresh browser makes it (empty cache, cookies given): the JavaScript
 * it loads, and when the app takes over its links.
 */

export interface Script {
	url: string;
	bytes: number;
	gzip: number;
}

const gzip = (body: Buffer | string) => gzipSync(body, { level: 9 }).length;

/**
 * Every script `path` runs on a first visit: the files it requests until the network is quiet
 * (so imports it makes right after start-up count too) and the inline scripts of its HTML.
 * Sizes are gzip level 9 of each body, whatever encoding the server chose.
 */
export async function scriptsOf(page: Page, url: string): Promise<Script[]> {
	const scripts: Promise<Script | null>[] = [];
	page.on('response', (response) => {
		const type = response.headers()['content-type'] ?? '';
		if (!type.includes('javascript')) return;
		scripts.push(
			response.body().then(
				(body) => ({ url: new URL(response.url()).pathname, bytes: body.length, gzip: gzip(body) }),
				() => null
			)
		);
	});
	const document = await page.goto(url, { waitUntil: 'networkidle' });
	const html = (await document?.text()) ?? '';
	const inline = [
		...html.matchAll(
			/<script(?![^>]*\b(?:src|type="application\/json")\b)[^>]*>([\s\S]*?)<\/script>/g
		)
	]
		.map((match) => match[1] ?? '')
		.filter((body) => body.trim())
		.map((body) => ({ url: '(inline)', bytes: Buffer.byteLength(body), gzip: gzip(body) }));
	const loaded = (await Promise.all(scripts)).filter((s): s is Script => s !== null);
	return [...loaded, ...inline];
}

/**
 * Added before the page's own scripts: taps `selector` (a link) every few milliseconds until the
 * app, not the browser, takes the tap — SvelteKit's router claims a link's click only once the
 * page is hydrated and its router started. A tap it does not take is cancelled after it has
 * passed the app (a listener on `window` hears it last), so the browser never follows it. The
 * moment is kept in `window.__benchTaken`, in ms since navigation start.
 */
export function tapProbe(selector: string): string {
	return `
	window.__benchTaken = new Promise((resolve) => {
		const probe = () => {
			const link = document.querySelector(${JSON.stringify(selector)});
			if (link) {
				let taken = false;
				const last = (event) => { taken = event.defaultPrevented; event.preventDefault(); };
				window.addEventListener('click', last, { once: true });
				link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 }));
				window.removeEventListener('click', last);
				if (taken) return resolve(performance.now());
			}
			setTimeout(probe, 5);
		};
		probe();
	});`;
}

export interface Visit {
	/** Navigation start to the app taking a tap, ms. */
	interactive: number;
	firstContentfulPaint: number;
	domContentLoaded: number;
}

/** One cold visit of `url` with the CPU `throttle` times slower; when it became interactive. */
export async function timeVisit(
	browser: Browser,
	baseURL: string,
	cookie: string | null,
	url: string,
	selector: string,
	throttle: number
): Promise<Visit> {
	const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
	try {
		if (cookie) await context.addCookies([cookieFor(baseURL, cookie)]);
		await context.addInitScript(tapProbe(selector));
		const page = await context.newPage();
		const session = await context.newCDPSession(page);
		await session.send('Emulation.setCPUThrottlingRate', { rate: throttle });
		await page.goto(url, { waitUntil: 'commit' });
		const interactive = await page.evaluate(
			() => (window as unknown as { __benchTaken: Promise<number> }).__benchTaken
		);
		const marks = await page.evaluate(() => ({
			fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
			dcl:
				(performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)
					?.domContentLoadedEventEnd ?? NaN
		}));
		return { interactive, firstContentfulPaint: marks.fcp, domContentLoaded: marks.dcl };
	} finally {
		await context.close();
	}
}
