import { page } from '$app/state';
import { DEFAULT_LOCALE } from './locales.js';
import { messagesFor, type Messages } from './messages.js';

/** The messages of the page's language; reactive when read inside `$derived` or markup. */
export function messages(): Messages {
	return messagesFor(page.data.locale ?? DEFAULT_LOCALE);
}
