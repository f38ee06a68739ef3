/**
 * What a clock shows at a given instant. Needs only the run's instants, so the wall display and
 * the console compute it every second without a calendar.
 */

/** The instants of a run, as any audience receives them (epoch milliseconds). */
export interface ClockInstants {
	deadline: number | null;
	atRiskAt: number | null;
	stoppedAt: number | null;
	pausedAt: number | null;
	pausedLeftMs: number | null;
}

export type ClockStateName = 'running' | 'at_risk' | 'paused' | 'met' | 'breached';

export interface ClockState {
	state: ClockStateName;
	/** Milliseconds to the deadline (negative once late); frozen while paused; null when stopped or never due. */
	leftMs: number | null;
	/** How late a breached clock is (or was when it stopped), in milliseconds. */
	lateMs: number | null;
}

export function clockStateAt(clock: ClockInstants, now: number): ClockState {
	const { deadline, atRiskAt, stoppedAt, pausedAt, pausedLeftMs } = clock;
	if (stoppedAt !== null) {
		const late = deadline !== null && deadline < stoppedAt;
		return {
			state: late ? 'breached' : 'met',
			leftMs: null,
			lateMs: late ? stoppedAt - deadline : null
		};
	}
	if (pausedAt !== null) {
		const late = deadline !== null && deadline <= pausedAt;
		return late
			? { state: 'breached', leftMs: null, lateMs: pausedAt - deadline }
			: { state: 'paused', leftMs: pausedLeftMs, lateMs: null };
	}
	if (deadline === null) return { state: 'running', leftMs: null, lateMs: null };
	if (now >= deadline) return { state: 'breached', leftMs: deadline - now, lateMs: now - deadline };
	const state = atRiskAt !== null && now >= atRiskAt ? 'at_risk' : 'running';
	return { state, leftMs: deadline - now, lateMs: null };
}

/** Colour bands for the wall: more than an hour, under an hour, under 30 minutes, late. */
export type ClockBand = 'calm' | 'hour' | 'half_hour' | 'late' | 'paused' | 'done';

export function clockBand(state: ClockState): ClockBand {
	if (state.state === 'met') return 'done';
	if (state.state === 'breached') return 'late';
	if (state.state === 'paused') return 'paused';
	if (state.leftMs !== null && state.leftMs <= 1_800_000) return 'half_hour';
	if (state.leftMs !== null && state.leftMs <= 3_600_000) return 'hour';
	// Amber is never shown green: a day-long promise at risk with hours left is still at risk.
	return state.state === 'at_risk' ? 'hour' : 'calm';
}

const UNTIMED_RANK = 1e14;
const PAUSED_RANK = 1e15;

/**
 * How urgent a clock is, as a number that does not move with time (smaller is more urgent):
 * its deadline while it runs, so the latest breach comes first; paused ones after every running
 * one, by the time they have left. Null for a clock that has stopped.
 */
export function urgencyRank(clock: ClockInstants): number | null {
	const { deadline, stoppedAt, pausedAt, pausedLeftMs } = clock;
	if (stoppedAt !== null) return null;
	if (pausedAt !== null) {
		return deadline !== null && deadline <= pausedAt ? deadline : PAUSED_RANK + (pausedLeftMs ?? 0);
	}
	return deadline ?? UNTIMED_RANK;
}

/** The clock of a ticket that matters most: late first, then the least time left, then paused. */
export function mostUrgent<T extends ClockInstants>(clocks: readonly T[]): T | null {
	let best: T | null = null;
	let bestRank = Infinity;
	for (const clock of clocks) {
		const rank = urgencyRank(clock);
		if (rank !== null && rank < bestRank) {
			best = clock;
			bestRank = rank;
		}
	}
	return best;
}
