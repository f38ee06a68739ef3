import { can } from '#lib/domain/access.js';
import { requireStaff } from '#lib/server/auth/guard.js';
import { app } from '#lib/server/runtime.js';
import { siteOverview } from '#lib/server/site-overview.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, parent }) => {
	requireStaff(locals, url);
	const { site, role } = await parent();
	if (!site) return { overview: null };
	const withArchive = can(role, 'archive.read');
	return { overview: await siteOverview(app().db, site.id, { withArchive }) };
};
