import type { Messages } from './messages.js';
import { en as common } from './catalog/common.en.js';
import { en as kiosk } from './catalog/kiosk.en.js';
import { en as kioskOffline } from './catalog/kiosk-offline.en.js';
import { en as display } from './catalog/display.en.js';
import { en as console } from './catalog/console.en.js';
import { en as account } from './catalog/account.en.js';
import { en as staff } from './catalog/staff.en.js';
import { en as devices } from './catalog/devices.en.js';
import { en as ticket } from './catalog/ticket.en.js';
import { en as receipt } from './catalog/receipt.en.js';
import { en as owner } from './catalog/owner.en.js';
import { en as passes } from './catalog/passes.en.js';
import { en as emergency } from './catalog/emergency.en.js';
import { en as clocks } from './catalog/clocks.en.js';
import { en as visitors } from './catalog/visitors.en.js';
import { en as kioskVisitors } from './catalog/kiosk-visitors.en.js';
import { en as visitorDesk } from './catalog/visitor-desk.en.js';
import { en as visitorHost } from './catalog/visitor-host.en.js';
import { en as visitorRecords } from './catalog/visitor-records.en.js';
import { en as quotes } from './catalog/quotes.en.js';
import { en as priceList } from './catalog/price-list.en.js';
import { en as ownerLink } from './catalog/owner-link.en.js';

/** English, gathered from the same catalogues as the Chinese. */
export const en: Messages = {
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
