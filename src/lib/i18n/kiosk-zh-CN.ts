import { zh as common } from './catalog/common.js';
import { zh as kiosk } from './catalog/kiosk.js';
import { zh as kioskOffline } from './catalog/kiosk-offline.js';
import { zh as kioskVisitors } from './catalog/kiosk-visitors.js';
import { zh as emergency } from './catalog/emergency.js';
import { zh as receipt } from './catalog/receipt.js';
import { zh as passes } from './catalog/passes.js';
import { zh as visitors } from './catalog/visitors.js';
import { zh as display } from './catalog/display.js';
import { zh as console } from './catalog/console.js';
import { zh as priceList } from './catalog/price-list.js';

/** The kiosk's messages in Chinese: only the catalogues its pages use (see `load-messages.ts`). */
export const kioskZhCN = {
	...common,
	...kiosk,
	...kioskOffline,
	...kioskVisitors,
	...emergency,
	...receipt,
	...passes,
	...visitors,
	...display,
	...console,
	...priceList
};
