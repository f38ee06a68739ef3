import { requirePermission } from '#lib/server/auth/guard.js';
import { app } from '#lib/server/runtime.js';
import { onSiteVisits } from '#lib/server/visitors/desk-views.js';
import type { PageServerLoad } from './$types';

/**
 * 在场名单: everyone inside on a pass, as a sheet to print and tick off at the assembly point in
 * an evacuation. A plain page: the browser's own print works without any script.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
	const { db } = app();
	const { site } = await requirePermission(db, locals, url, 'visitors.desk');
	const visits = await onSiteVisits(db, site.id);
	return {
		printedAt: new Date(),
		visits,
		people: visits.reduce((sum, v) => sum + v.party, 0)
	};
};
