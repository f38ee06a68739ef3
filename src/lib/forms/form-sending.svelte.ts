import type { SubmitFunction } from '$app/forms';

/**
 * A console form's submission for `use:enhance`: `active` while it is out, so its button waits.
 * The form keeps what was typed after the answer, unless told to clear once it succeeds.
 */
export class FormSending {
	active = $state(false);
	readonly #resetOnSuccess: boolean;

	constructor(options: { resetOnSuccess?: boolean } = {}) {
		this.#resetOnSuccess = options.resetOnSuccess ?? false;
	}

	readonly enhance: SubmitFunction = () => {
		this.active = true;
		return async ({ result, update }) => {
			await update({ reset: this.#resetOnSuccess && result.type === 'success' });
			this.active = false;
		};
	};
}
