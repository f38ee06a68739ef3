import { zh as common } from './catalog/common.js';
import { zh as kiosk } from './catalog/kiosk.js';
import { zh as kioskOffline } from './catalog/kiosk-offline.js';

/** The kiosk's home screen in Chinese: the first thing a kiosk loads, so the least (see \`load-messages.ts\`). */
export const kioskHomeZhCN = {
	...common,
	...kiosk,
	...kioskOffline
};
