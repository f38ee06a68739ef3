import { invalidate } from '$app/navigation';
import type { SubmitFunction } from '$app/forms';

/**
 * How every action form on the ticket page submits: keeps what was typed, and after a refusal
 * (someone else changed the ticket first) reloads the ticket so the page shows where it stands.
 */
export function submitAction(sending?: (busy: boolean) => void): SubmitFunction {
	return () => {
		sending?.(true);
		return async ({ update, result }) => {
			await update({ reset: false });
			if (result.type === 'failure' && result.status !== 400) await invalidate('app:ticket');
			sending?.(false);
		};
	};
}
