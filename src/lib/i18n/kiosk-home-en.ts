import { en as common } from './catalog/common.en.js';
import { en as kiosk } from './catalog/kiosk.en.js';
import { en as kioskOffline } from './catalog/kiosk-offline.en.js';

/** The kiosk's home screen in English: the first thing a kiosk loads, so the least (see \`load-messages.ts\`). */
export const kioskHomeEn = {
	...common,
	...kiosk,
	...kioskOffline
};
