import { en as common } from './catalog/common.en.js';
import { en as kiosk } from './catalog/kiosk.en.js';
import { en as kioskOffline } from './catalog/kiosk-offline.en.js';
import { en as kioskVisitors } from './catalog/kiosk-visitors.en.js';
import { en as emergency } from './catalog/emergency.en.js';
import { en as receipt } from './catalog/receipt.en.js';
import { en as passes } from './catalog/passes.en.js';
import { en as visitors } from './catalog/visitors.en.js';
import { en as display } from './catalog/display.en.js';
import { en as console } from './catalog/console.en.js';
import { en as priceList } from './catalog/price-list.en.js';

/** The kiosk's messages in English: the same catalogues as `kiosk-zh-CN.ts`. */
export const kioskEn = {
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
