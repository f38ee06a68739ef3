import { page } from '$app/state';
import type { Messages } from './messages.js';

/** The messages of the page's language (the root layout loads them); reactive in markup. */
export function messages(): Messages {
	const loaded = page.data.messages;
	if (!loaded) throw new Error('the root layout has not loaded the messages');
	return loaded;
}
