import { zh as common } from './catalog/common.js';
import { zh as kiosk } from './catalog/kiosk.js';
import { zh as kioskOffline } from './catalog/kiosk-offline.js';
import { zh as display } from './catalog/display.js';
import { zh as console } from './catalog/console.js';
import { zh as account } from './catalog/account.js';
import { zh as staff } from './catalog/staff.js';
import { zh as devices } from './catalog/devices.js';
import { zh as ticket } from './catalog/ticket.js';
import { zh as receipt } from './catalog/receipt.js';
import { zh as owner } from './catalog/owner.js';
import { zh as passes } from './catalog/passes.js';
import { zh as emergency } from './catalog/emergency.js';
import { zh as clocks } from './catalog/clocks.js';
import { zh as visitors } from './catalog/visitors.js';
import { zh as kioskVisitors } from './catalog/kiosk-visitors.js';
import { zh as visitorDesk } from './catalog/visitor-desk.js';
import { zh as visitorHost } from './catalog/visitor-host.js';
import { zh as visitorRecords } from './catalog/visitor-records.js';
import { zh as quotes } from './catalog/quotes.js';
import { zh as priceList } from './catalog/price-list.js';
import { zh as ownerLink } from './catalog/owner-link.js';

/**
 * Simplified Chinese, the source of every message, gathered from one catalogue per face
 * (`catalog/<face>.ts`; its English is beside it in `catalog/<face>.en.ts`, and the compiler
 * checks that both have the same keys with the same parameters).
 */
export const ZH_CATALOGUES = [
	common,
	kiosk,
	kioskOffline,
	display,
	console,
	account,
	staff,
	devices,
	ticket,
	receipt,
	owner,
	passes,
	emergency,
	clocks,
	visitors,
	kioskVisitors,
	visitorDesk,
	visitorHost,
	visitorRecords,
	quotes,
	priceList,
	ownerLink
] as const;

export const zhCN = {
	...common,
	...kiosk,
	...kioskOffline,
	...display,
	...console,
	...account,
	...staff,
	...devices,
	...ticket,
	...receipt,
	...owner,
	...passes,
	...emergency,
	...clocks,
	...visitors,
	...kioskVisitors,
	...visitorDesk,
	...visitorHost,
	...visitorRecords,
	...quotes,
	...priceList,
	...ownerLink
};
