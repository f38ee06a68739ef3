import { requireStaff } from '#lib/server/auth/guard.js';
import { app } from '#lib/server/runtime.js';
import { siteOverview } from '#lib/server/site-overview.js';
import { sitesOfStaff } from '#lib/server/sites.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireStaff(locals, url);
	const { db } = app();
	const [current] = await sitesOfStaff(db, user.id);
	return { overview: current ? await siteOverview(db, current.site.id) : null };
};
