import { chromium, type Browser, type CDPSession } from '@playwright/test';
import { CHROMIUM_LAUNCH } from '../../tests/helpers/chromium-launch.ts';

/**
 * Debian's Chromium for the browser benchmarks, launched as the browser tests launch it, and
 * what they read from it over the DevTools protocol: a trace of the browser's own performance
 * timeline and the JS heap after a full collection.
 */
export function launchChromium(): Promise<Browser> {
	return chromium.launch(CHROMIUM_LAUNCH);
}

/** The `name=value` cookie header given to a browser context for `baseURL`. */
export function cookieFor(baseURL: string, header: string) {
	const [name = '', value = ''] = header.split('=');
	return { name, value, url: baseURL };
}

export interface TraceEvent {
	name: string;
	cat: string;
	ph: string;
	pid: number;
	tid: number;
	/** Microseconds. */
	ts: number;
	dur?: number;
	/** Thread (CPU) time, microseconds. */
	tdur?: number;
	args?: { data?: Record<string, unknown> } & Record<string, unknown>;
}

/** The timeline categories DevTools' Performance panel records for scripting and tasks. */
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'];

/** Starts a browser-wide trace; the returned function ends it and gives every event. */
export async function startTrace(session: CDPSession): Promise<() => Promise<TraceEvent[]>> {
	const events: TraceEvent[] = [];
	session.on('Tracing.dataCollected', ({ value }) =>
		events.push(...(value as unknown as TraceEvent[]))
	);
	await session.send('Tracing.start', {
		traceConfig: { includedCategories: CATEGORIES },
		transferMode: 'ReportEvents'
	});
	return async () => {
		const complete = new Promise((resolve) => session.once('Tracing.tracingComplete', resolve));
		await session.send('Tracing.end');
		await complete;
		return events;
	};
}

/** The id DevTools gives the page's main frame (trace events name their frame by it). */
export async function mainFrameId(session: CDPSession): Promise<string> {
	const { frameTree } = await session.send('Page.getFrameTree');
	return frameTree.frame.id;
}

/** Bytes of JS heap in use after a full garbage collection. */
export async function heapAfterGc(session: CDPSession): Promise<number> {
	await session.send('HeapProfiler.enable');
	await session.send('HeapProfiler.collectGarbage');
	const { usedSize } = await session.send('Runtime.getHeapUsage');
	return usedSize;
}
