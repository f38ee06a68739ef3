import { requireStaff } from '#lib/server/auth/guard.js';
import { app } from '#lib/server/runtime.js';
import { siteOverview } from '#lib/server/site-overview.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, parent }) => {
	requireStaff(locals, url);
	const { site } = await parent();
	return { overview: site ? await siteOverview(app().db, site.id) : null };
};
