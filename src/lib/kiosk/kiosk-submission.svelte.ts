import { onMount, tick, untrack } from 'svelte';
import type { SubmitFunction } from '$app/forms';
import { clearDraft, draftFor, fieldsOf, saveDraft, sessionDraftStorage } from './pending-draft.js';
import { restoreFields } from './restore-fields.js';
import { isUnreachable, SubmitRetry, type RetryState } from './submit-retry.js';
import { markPending } from './unsent.svelte.js';

export interface SubmissionOptions {
	/**
	 * Keep an unsent submission in the tab's `sessionStorage` (`pending-draft.ts`), so that a
	 * reload of the same form puts it back and sends it (`resumeDraft`); forgotten once answered
	 * or on leaving the form.
	 */
	keepDraft?: boolean;
}

export interface ResumeHooks {
	/** Before the fields go back: make room for them (more item lines), then resolve. */
	prepare?: (fields: [string, string][]) => void | Promise<void>;
	/** The draft's values by name, for what the page holds itself (the idempotency key). */
	restored?: (values: Record<string, string | undefined>) => void;
}

/**
 * A kiosk form's submission that survives a lost connection: a double tap sends nothing more;
 * when the server cannot be reached the fields stay as typed and the same submission (with the
 * same idempotency key) goes out again by itself (`SubmitRetry`) until it is answered; the idle
 * guard is told while it is unsent (`unsent`). With `keepDraft`, it also survives a reload of the
 * form. The page renders `offline` / `sending`.
 */
export class KioskSubmission {
	retry = $state<RetryState>({ phase: 'idle', failures: 0, nextAt: null });
	#sender: SubmitRetry;
	readonly #keepDraft: boolean;

	constructor(submitForm: () => void, options: SubmissionOptions = {}) {
		this.#keepDraft = options.keepDraft ?? false;
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

	/**
	 * For `onMount`, with `keepDraft`: a submission left unsent by a reload of this very form is
	 * put back into `form` and sent again at once, with its own idempotency key.
	 */
	async resumeDraft(form: HTMLFormElement, hooks: ResumeHooks = {}): Promise<void> {
		const storage = this.#keepDraft ? sessionDraftStorage() : null;
		const draft = storage ? draftFor(storage, location.pathname) : null;
		if (!draft) return;
		await hooks.prepare?.(draft.fields);
		hooks.restored?.(restoreFields(form, draft.fields));
		await tick();
		this.#sender.resume();
	}

	/** For `use:enhance`. */
	enhance(): SubmitFunction {
		return ({ cancel, formData }) => {
			if (!this.#sender.begin()) return cancel();
			return async ({ result, update }) => {
				if (isUnreachable(result)) {
					this.#keep(formData);
					this.#sender.unreachable();
					return;
				}
				this.#forget();
				// Filed: on to the receipt. Refused: the field messages, with everything as typed.
				await update({ reset: false });
				this.#sender.answered();
			};
		};
	}

	/**
	 * For `onMount`: tries again as soon as the browser is back online; on leaving the form (the
	 * back button, the receipt) stops, and forgets the kept draft with it.
	 */
	listen(): () => void {
		const online = () => this.#sender.retryNow();
		window.addEventListener('online', online);
		return () => {
			window.removeEventListener('online', online);
			this.#sender.stop();
			this.#forget();
		};
	}

	#keep(formData: FormData): void {
		const storage = this.#keepDraft ? sessionDraftStorage() : null;
		if (storage) saveDraft(storage, { path: location.pathname, fields: fieldsOf(formData) });
	}

	#forget(): void {
		const storage = this.#keepDraft ? sessionDraftStorage() : null;
		if (storage) clearDraft(storage);
	}
}

/**
 * A kiosk filing form's `KioskSubmission` that keeps its draft (`keepDraft`), with the form it
 * submits (`bind:this={submission.form}`, `use:enhance={submission.submit}`) and this visit's
 * idempotency key (`submission.key`, for the hidden `idempotencyKey` field): read once, so it is
 * kept when the page's data reloads (the language toggle) and every retry files the same thing
 * once. Create it while the component initialises: on mount it puts back and sends a draft left by
 * a reload (the draft's own key with it), and listens until the page is left.
 */
export class DraftedSubmission extends KioskSubmission {
	key = $state('');
	form = $state<HTMLFormElement>();
	readonly submit: SubmitFunction;

	/** `idempotencyKey` reads the page's key (from `data`); `prepare` as in `ResumeHooks`. */
	constructor(idempotencyKey: () => string, prepare?: ResumeHooks['prepare']) {
		super(() => this.form?.requestSubmit(), { keepDraft: true });
		this.key = untrack(idempotencyKey);
		this.submit = this.enhance();
		onMount(() => {
			if (this.form) {
				void this.resumeDraft(this.form, {
					prepare,
					restored: (kept) => (this.key = kept.idempotencyKey ?? this.key)
				});
			}
			return this.listen();
		});
	}
}
