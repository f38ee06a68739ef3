import { app } from '#lib/server/runtime.js';
import { openPublicTickets } from '#lib/server/public-board.js';
import { defaultSite } from '#lib/server/sites.js';
import type { PageServerLoad } from './$types';

/** Public: only the site's name and clock and the redacted tickets reach the browser. */
export const load: PageServerLoad = async () => {
	const { db } = app();
	const site = await defaultSite(db);
	return {
		site: site && { name: site.name, nameEn: site.nameEn, timeZone: site.timeZone },
		tickets: site ? await openPublicTickets(db, site.id) : [],
		serverTime: Date.now()
	};
};
