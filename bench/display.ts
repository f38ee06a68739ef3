// The wall display under a full day's load: the production build on a real Postgres, 1,000 open
// tickets, a paired display in headless Chromium for BENCH_SECONDS (60) of its one-second tick
// while the desk makes 10 changes a second through the app's real paths (kiosk filings, console
// claims and resolutions). From the browser's own timeline: scripting time per tick (p50/p95),
// frames dropped, and the JS heap at start and end after a full collection. The floor, measured
// beside it in the same browser and the same minute, is a hand-written page doing the least a
// tick can (see lib/display-floor.ts). Goals (issue 7): ≤ 2 ms per tick, a flat heap.
// Run `npx vite build` first; then `npm run bench:display`.
import type { Browser, CDPSession, Page } from '@playwright/test';
import { homes, pairKiosk } from '../tests/fault/kiosk-client.ts';
import { startApp, type BenchApp } from './lib/app.ts';
import { pairDemoDevice, signInStaff } from '../tests/helpers/app-http.ts';
import { cookieFor, heapAfterGc, launchChromium, mainFrameId, startTrace } from './lib/chromium.ts';
import { floorPage } from './lib/display-floor.ts';
import { describeMachine } from './lib/machine.ts';
import { printTable, round, spread, writeResult } from './lib/report.ts';
import { fillSite, startTraffic } from './lib/ticket-traffic.ts';
import { FRAME_COUNTER, framesOf, ticksOf } from './lib/timeline.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const OPEN_TICKETS = Number(process.env.BENCH_TICKETS ?? 1000);
const UPDATES_PER_SECOND = Number(process.env.BENCH_UPDATES ?? 10);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP ?? 10);
/** The wall's one timer (`Board.svelte`). */
const TICK_MS = 1000;
const GOAL_TICK_MS = 2;
/** Flat: what the heap holds after a minute of changes, against what it held before. */
const GOAL_HEAP_GROWTH = 1.1;
/**
 * The 2 ms goal in floors (see lib/display-floor.ts): the floor's tick took 0.3–0.37 ms of CPU at
 * p95 on the development machine (2 cores, 2026-11), so 2 ms is about six of them. Unlike the
 * absolute goal, this one holds on a slower or busier machine.
 */
const GOAL_TICK_RATIO = 6;

const VIEWPORT = { width: 1920, height: 1080 };

interface Face {
	page: Page;
	session: CDPSession;
	frameId: string;
}

async function open(browser: Browser, setUp: (page: Page) => Promise<void>): Promise<Face> {
	const context = await browser.newContext({
		viewport: VIEWPORT,
		locale: 'zh-CN',
		timezoneId: 'Asia/Shanghai'
	});
	await context.addInitScript(FRAME_COUNTER);
	const page = await context.newPage();
	await setUp(page);
	const session = await context.newCDPSession(page);
	return { page, session, frameId: await mainFrameId(session) };
}

/** The frame counter's start times so far, emptied (so its own array does not grow the heap). */
const takeFrames = (face: Face) =>
	face.page.evaluate(() => {
		const counter = window as unknown as { __benchFrames: number[] };
		return counter.__benchFrames.splice(0);
	});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let app: BenchApp | undefined;
let browser: Browser | undefined;
try {
	app = await startApp('display');
	const baseURL = app.server.baseURL;
	const desk = {
		baseURL,
		kioskCookie: await pairKiosk(baseURL),
		staffCookie: await signInStaff(baseURL, 'assistant'),
		homes: await homes(app.database.url)
	};
	let started = performance.now();
	const fresh = await fillSite(desk, app.database.url, OPEN_TICKETS);
	console.log(
		`${fresh.length} repairs filed in ${((performance.now() - started) / 1000).toFixed(1)} s`
	);

	browser = await launchChromium();
	const displayCookie = await pairDemoDevice(baseURL, 'display');
	const display = await open(browser, async (page) => {
		await page.context().addCookies([cookieFor(baseURL, displayCookie)]);
		await page.goto(`${baseURL}/display`);
		await page.waitForFunction(
			(n) => Number(document.querySelector('[data-testid=open-count]')?.textContent) >= n,
			OPEN_TICKETS,
			{ timeout: 60_000 }
		);
	});
	const rows = await display.page.locator('tbody tr').count();
	const floor = await open(browser, (page) => page.setContent(floorPage(rows)));
	// The changes start now; the first WARMUP seconds of them are not measured: the page's code
	// gets compiled and optimised, so what the heap gains afterwards is what the changes leave.
	const stopTraffic = startTraffic(desk, fresh, UPDATES_PER_SECOND);
	await sleep(WARMUP_SECONDS * 1000);
	const heapStart = [await heapAfterGc(display.session), await heapAfterGc(floor.session)] as const;
	const stopTrace = await startTrace(display.session);
	await Promise.all([takeFrames(display), takeFrames(floor)]);
	started = performance.now();
	await sleep(SECONDS * 1000);
	const traffic = await stopTraffic();
	const frames = [framesOf(await takeFrames(display)), framesOf(await takeFrames(floor))] as const;
	const events = await stopTrace();
	const elapsed = (performance.now() - started) / 1000;
	const heapEnd = [await heapAfterGc(display.session), await heapAfterGc(floor.session)] as const;
	const openAtEnd = Number(await display.page.getByTestId('open-count').textContent());
	const ticks = [
		ticksOf(events, display.frameId, TICK_MS),
		ticksOf(events, floor.frameId, TICK_MS)
	] as const;

	const mb = (bytes: number) => round(bytes / 2 ** 20);
	const summary = (i: 0 | 1) => ({
		tickWallMs: spread(ticks[i].wall),
		tickCpuMs: spread(ticks[i].cpu),
		mainThreadBusy: round(ticks[i].busy, 3),
		frames: frames[i],
		heapStartMB: mb(heapStart[i]),
		heapEndMB: mb(heapEnd[i])
	});
	const figures = { display: summary(0), floor: summary(1) };
	const faces = ['display', 'floor'] as const;
	printTable(
		`${SECONDS} s, ${rows} rows shown of ${OPEN_TICKETS} open tickets, ${UPDATES_PER_SECOND} changes/s`,
		faces.map((face) => {
			const f = figures[face];
			return {
				page: face,
				ticks: f.tickWallMs.n,
				'tick p50 ms': f.tickWallMs.p50,
				'tick p95 ms': f.tickWallMs.p95,
				'tick max ms': f.tickWallMs.max,
				'cpu p50': f.tickCpuMs.p50,
				'cpu p95': f.tickCpuMs.p95,
				'busy %': round(f.mainThreadBusy * 100, 1),
				frames: f.frames.frames,
				dropped: f.frames.dropped,
				'>50ms gaps': f.frames.longGaps,
				'heap start MB': f.heapStartMB,
				'heap end MB': f.heapEndMB
			};
		})
	);
	const answers = spread(traffic.answers);
	printTable('changes made (warm-up and measured run)', [
		{
			sent: traffic.sent,
			failed: traffic.failed,
			skipped: traffic.skipped,
			'answer p50 ms': round(answers.p50, 1),
			'answer p95 ms': round(answers.p95, 1),
			'open at end': openAtEnd
		}
	]);
	if (traffic.firstError) console.log(`first failure: ${traffic.firstError}`);

	// Judged on the main thread's CPU time: what the page spent on its tick. Wall time (in the
	// table) adds whatever else the machine ran meanwhile; on a quiet machine the two agree.
	const app95 = figures.display.tickCpuMs.p95;
	const floor95 = figures.floor.tickCpuMs.p95;
	const growth = heapEnd[0] / heapStart[0];
	writeResult('display', {
		machine: describeMachine({ postgres: app.database.version, chromium: browser.version() }),
		settings: {
			seconds: SECONDS,
			warmupSeconds: WARMUP_SECONDS,
			elapsedSeconds: round(elapsed, 1),
			openTickets: OPEN_TICKETS,
			rowsShown: rows,
			updatesPerSecond: UPDATES_PER_SECOND,
			viewport: VIEWPORT,
			traceEvents: events.length
		},
		figures: { ...figures, traffic: { ...traffic, answers } },
		verdicts: [
			{
				ratio: 'tick p95 ms (display, main-thread CPU)',
				value: app95,
				goal: `≤ ${GOAL_TICK_MS} ms`,
				met: app95 <= GOAL_TICK_MS
			},
			{
				ratio: 'tick p95 display / floor (CPU)',
				value: round(app95 / floor95),
				goal: `≤ ${GOAL_TICK_RATIO}`,
				met: app95 / floor95 <= GOAL_TICK_RATIO
			},
			{
				ratio: 'heap end / start (display, after GC)',
				value: round(growth),
				goal: `≤ ${GOAL_HEAP_GROWTH}`,
				met: growth <= GOAL_HEAP_GROWTH
			},
			{
				ratio: 'changes failed / sent',
				value: round(traffic.failed / Math.max(1, traffic.sent), 3),
				goal: '0',
				met: traffic.failed === 0 && traffic.sent > 0
			}
		]
	});
} finally {
	await browser?.close();
	await app?.stop();
}
