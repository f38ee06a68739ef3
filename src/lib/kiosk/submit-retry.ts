/**
 * Sending a kiosk request again when the server could not be reached: the form keeps what was
 * typed and its idempotency key, and this module decides when to try again (2 s, 4 s, 8 s, then
 * every 15 s) until an answer comes. No DOM, no Svelte: the page gives it a `send` function and
 * mirrors its phase.
 */

export const FIRST_RETRY_MS = 2_000;
export const MAX_RETRY_MS = 15_000;

/** How long to wait after the n-th failure in a row (n ≥ 1). */
export function retryDelay(failures: number): number {
	const doubled = FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1);
	return Math.min(MAX_RETRY_MS, doubled);
}

/**
 * Whether an enhanced form's result means the submission never got an answer from the action:
 * the fetch failed (offline, server down), a proxy or anything else that is not SvelteKit
 * answered (a 502/503/504 page: SvelteKit reports those as an `error` without a status), or the
 * action itself broke on the server side (5xx, e.g. the database is unreachable). A `failure`
 * (400 with field messages, 429 locked), a redirect or a 4xx error is an answer, handled as usual.
 */
export function isUnreachable(result: { type: string; status?: number }): boolean {
	return result.type === 'error' && (result.status === undefined || result.status >= 500);
}

/** `idle`: nothing under way; `sending`: an attempt in flight; `waiting`: failed, retry scheduled. */
export type RetryPhase = 'idle' | 'sending' | 'waiting';

export interface RetryState {
	phase: RetryPhase;
	/** Failed attempts in a row; > 0 means the owner has been told the network is down. */
	failures: number;
	/** When the next automatic attempt starts (ms since the epoch), while waiting. */
	nextAt: number | null;
}

export interface RetryClock {
	now(): number;
	setTimeout(run: () => void, ms: number): unknown;
	clearTimeout(handle: unknown): void;
}

const realClock: RetryClock = {
	now: () => Date.now(),
	setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
	clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>)
};

export class SubmitRetry {
	#state: RetryState = { phase: 'idle', failures: 0, nextAt: null };
	#timer: unknown = null;
	#stopped = false;
	readonly #send: () => void;
	readonly #onChange: (state: RetryState) => void;
	readonly #clock: RetryClock;

	/**
	 * @param send starts an attempt (the page re-submits its form, which calls `begin`)
	 * @param onChange told of every change of phase, for the page to show
	 */
	constructor(send: () => void, onChange: (state: RetryState) => void, clock = realClock) {
		this.#send = send;
		this.#onChange = onChange;
		this.#clock = clock;
	}

	get state(): RetryState {
		return this.#state;
	}

	/** True while a submission is unsent: in flight, or waiting for its next try. */
	get pending(): boolean {
		return this.#state.phase !== 'idle';
	}

	/**
	 * An attempt starts. Returns false when one is already in flight (a double tap, a forced
	 * second submit): the caller cancels it rather than send a second request.
	 */
	begin(): boolean {
		if (this.#stopped || this.#state.phase === 'sending') return false;
		this.#cancelTimer();
		this.#set({ phase: 'sending', failures: this.#state.failures, nextAt: null });
		return true;
	}

	/** The attempt got no answer: wait, then send again by itself. */
	unreachable(): void {
		if (this.#stopped) return;
		const failures = this.#state.failures + 1;
		const delay = retryDelay(failures);
		this.#cancelTimer();
		this.#timer = this.#clock.setTimeout(() => {
			this.#timer = null;
			if (!this.#stopped) this.#send();
		}, delay);
		this.#set({ phase: 'waiting', failures, nextAt: this.#clock.now() + delay });
	}

	/** The server answered (filed it, or refused a field): nothing more to send. */
	answered(): void {
		this.#cancelTimer();
		this.#set({ phase: 'idle', failures: 0, nextAt: null });
	}

	/** "Try again now" (or the browser says it is back online): skip the rest of the wait. */
	retryNow(): void {
		if (this.#stopped || this.#state.phase !== 'waiting') return;
		this.#cancelTimer();
		this.#send();
	}

	/**
	 * A draft kept across a reload was never answered: treat it as a failed attempt that is due
	 * now, so the owner sees the same message and the same key goes out again at once.
	 */
	resume(): void {
		if (this.#stopped || this.#state.phase !== 'idle') return;
		this.#set({ phase: 'waiting', failures: 1, nextAt: this.#clock.now() });
		this.#send();
	}

	/** The owner left the form: no more attempts, ever, from this instance. */
	stop(): void {
		this.#stopped = true;
		this.#cancelTimer();
		this.#set({ phase: 'idle', failures: 0, nextAt: null });
	}

	#cancelTimer(): void {
		if (this.#timer !== null) this.#clock.clearTimeout(this.#timer);
		this.#timer = null;
	}

	#set(state: RetryState): void {
		this.#state = state;
		this.#onChange(state);
	}
}
