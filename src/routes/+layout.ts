import { loadMessages } from '#lib/i18n/load-messages.js';
import type { LayoutLoad } from './$types';

/** Every page's messages, in its language, for its face (see `load-messages.ts`). */
export const load: LayoutLoad = async ({ data, route }) => ({
	...data,
	messages: await loadMessages(data.locale, route.id)
});
