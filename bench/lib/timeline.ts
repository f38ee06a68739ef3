import type { TraceEvent } from './chromium.ts';

/**
 * Reading a page's ticks and its frames from the browser's own timeline, with no hook in the
 * page under test: the trace names every timer firing (`TimerFire`, which spans the callback and
 * the microtasks it queues — Svelte applies state changes in a microtask) with the frame that
 * owns it; frames come from a `requestAnimationFrame` counter the bench adds to the page.
 */

export interface Ticks {
	timerId: number;
	/** Main-thread wall time of each firing, ms. */
	wall: number[];
	/** Main-thread CPU time of each firing, ms: what the page spent, however busy the machine. */
	cpu: number[];
	/** Share of the window the page's main thread spent in tasks of any kind. */
	busy: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? NaN;

/**
 * The firings of the frame's periodic timer of about `periodMs` (the page's own tick) over the
 * whole trace, found by its rhythm rather than by any name.
 */
export function ticksOf(events: TraceEvent[], frameId: string, periodMs: number): Ticks {
	const fires = events.filter(
		(e) => e.name === 'TimerFire' && e.ph === 'X' && e.args?.data?.frame === frameId
	);
	const byTimer = new Map<number, TraceEvent[]>();
	for (const fire of fires) {
		const id = Number(fire.args?.data?.timerId);
		byTimer.set(id, [...(byTimer.get(id) ?? []), fire]);
	}
	const periodic = [...byTimer.entries()]
		.filter(([, list]) => list.length >= 3)
		.filter(([, list]) => {
			const gaps = list.slice(1).map((e, i) => (e.ts - (list[i]?.ts ?? 0)) / 1000);
			return Math.abs(median(gaps) - periodMs) < periodMs * 0.1;
		})
		.sort((a, b) => b[1].length - a[1].length);
	const [timerId, tick] = periodic[0] ?? [];
	if (timerId === undefined || !tick) throw new Error(`no ${periodMs} ms timer in ${frameId}`);
	// The page's main thread is the one its timers fire on.
	const { pid, tid } = tick[0] as TraceEvent;
	const tasks = events.filter(
		(e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === pid && e.tid === tid
	);
	const busyUs = tasks.reduce((sum, e) => sum + (e.dur ?? 0), 0);
	let from = Infinity;
	let to = -Infinity;
	for (const e of events) {
		if (e.ts > 0) [from, to] = [Math.min(from, e.ts), Math.max(to, e.ts)];
	}
	return {
		timerId,
		wall: tick.map((e) => (e.dur ?? 0) / 1000),
		cpu: tick.map((e) => (e.tdur ?? e.dur ?? 0) / 1000),
		busy: busyUs / (to - from)
	};
}

/** Added before the page's own scripts: remembers when each animation frame began. */
export const FRAME_COUNTER = `
	window.__benchFrames = [];
	const count = (t) => { window.__benchFrames.push(t); requestAnimationFrame(count); };
	requestAnimationFrame(count);
`;

export interface Frames {
	frames: number;
	/** Vsyncs that passed without a frame. */
	dropped: number;
	/** Frames that came more than 50 ms after the one before. */
	longGaps: number;
	intervalMs: number;
}

/** Counts frames from their start times: a gap of n intervals means n − 1 were dropped. */
export function framesOf(starts: number[]): Frames {
	const gaps = starts.slice(1).map((t, i) => t - (starts[i] ?? t));
	// The display's own rate (60 Hz here), taken from the frames themselves.
	const intervalMs = median(gaps);
	const dropped = gaps.reduce((sum, gap) => sum + Math.max(0, Math.round(gap / intervalMs) - 1), 0);
	return {
		frames: starts.length,
		dropped,
		longGaps: gaps.filter((g) => g > 50).length,
		intervalMs
	};
}
