import * as account from './catalog/account.js';
import * as clocks from './catalog/clocks.js';
import * as common from './catalog/common.js';
import * as console from './catalog/console.js';
import * as devices from './catalog/devices.js';
import * as display from './catalog/display.js';
import * as emergency from './catalog/emergency.js';
import * as kiosk from './catalog/kiosk.js';
import * as kioskOffline from './catalog/kiosk-offline.js';
import * as owner from './catalog/owner.js';
import * as receipt from './catalog/receipt.js';
import * as passes from './catalog/passes.js';
import * as staff from './catalog/staff.js';
import * as ticket from './catalog/ticket.js';
import * as visitors from './catalog/visitors.js';
import * as kioskVisitors from './catalog/kiosk-visitors.js';
import * as visitorDesk from './catalog/visitor-desk.js';
import * as visitorHost from './catalog/visitor-host.js';
import * as visitorRecords from './catalog/visitor-records.js';

/**
 * Simplified Chinese, the source of every message, gathered from one catalogue per face
 * (`catalog/*.ts`). Each catalogue holds its English beside its Chinese; the compiler checks that
 * both have the same keys with the same parameters.
 */
export const CATALOGUES = [
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
	visitorRecords
] as const;

export const zhCN = {
	...common.zh,
	...kiosk.zh,
	...kioskOffline.zh,
	...display.zh,
	...console.zh,
	...account.zh,
	...staff.zh,
	...devices.zh,
	...ticket.zh,
	...receipt.zh,
	...owner.zh,
	...passes.zh,
	...emergency.zh,
	...clocks.zh,
	...visitors.zh,
	...kioskVisitors.zh,
	...visitorDesk.zh,
	...visitorHost.zh,
	...visitorRecords.zh
};
