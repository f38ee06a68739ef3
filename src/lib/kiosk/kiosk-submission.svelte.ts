import type { SubmitFunction } from '$app/forms';
import { isUnreachable, SubmitRetry, type RetryState } from './submit-retry.js';
import { markPending } from './unsent.svelte.js';

/**
 * A kiosk form's submission that survives a lost connection: a double tap sends nothing more;
 * when the server cannot be reached the fields stay as typed and the same submission (with the
 * same idempotency key) goes out again by itself (`SubmitRetry`) until it is answered; the idle
 * guard is told while it is unsent (`unsent`). The page renders `offline` / `sending`.
 */
export class KioskSubmission {
	retry = $state<RetryState>({ phase: 'idle', failures: 0, nextAt: null });
	#sender: SubmitRetry;

	constructor(submitForm: () => void) {
		this.#sender = new SubmitRetry(submitForm, (state) => {
			this.retry = state;
			markPending(state.phase !== 'idle');
		});
	}

	/** The owner has been told the server cannot be reached. */
	get offline(): boolean {
		return this.retry.failures > 0;
	}

	get sending(): boolean {
		return this.retry.phase === 'sending';
	}

	/** Nothing more may be sent: one is in flight or waiting for its next try. */
	get busy(): boolean {
		return this.retry.phase !== 'idle';
	}

	retryNow(): void {
		this.#sender.retryNow();
	}

	/** Sends again a submission restored after a reload. */
	resume(): void {
		this.#sender.resume();
	}

	/**
	 * For `use:enhance`. `onUnreachable` runs with the form's data when no answer came (to keep a
	 * draft), `onAnswered` when one did.
	 */
	enhance(
		hooks: { onUnreachable?: (formData: FormData) => void; onAnswered?: () => void } = {}
	): SubmitFunction {
		return ({ cancel, formData }) => {
			if (!this.#sender.begin()) return cancel();
			return async ({ result, update }) => {
				if (isUnreachable(result)) {
					hooks.onUnreachable?.(formData);
					this.#sender.unreachable();
					return;
				}
				hooks.onAnswered?.();
				// Filed: on to the receipt. Refused: the field messages, with everything as typed.
				await update({ reset: false });
				this.#sender.answered();
			};
		};
	}

	/** For `onMount`: tries again as soon as the browser is back online; stops on leaving. */
	listen(onLeave?: () => void): () => void {
		const online = () => this.#sender.retryNow();
		window.addEventListener('online', online);
		return () => {
			window.removeEventListener('online', online);
			this.#sender.stop();
			onLeave?.();
		};
	}
}
