import { fail } from '@sveltejs/kit';
import { can } from '#lib/domain/access.js';
import { siteDate } from '#lib/domain/release-pass.js';
import { parseLogQuery } from '#lib/domain/visitors/visitor-log-query.js';
import { requirePermission } from '#lib/server/auth/guard.js';
import { kioskUnits } from '#lib/server/kiosk.js';
import { app } from '#lib/server/runtime.js';
import { searchVisitorLog } from '#lib/server/visitors/visitor-log.js';
import type { Actions, PageServerLoad } from './$types';

/**
 * 来人来访登记表: today's visits when the page opens; any other search is posted (names, phones
 * and ID numbers stay out of addresses and the browser's history).
 */
export const load: PageServerLoad = async ({ locals, url }) => {
	const { db } = app();
	const { site, role } = await requirePermission(db, locals, url, 'visitors.log');
	const today = siteDate(new Date(), site.timeZone);
	const parsed = parseLogQuery(new URLSearchParams(), today);
	if (!parsed.ok) throw new Error('The empty search must be valid');
	return {
		timeZone: site.timeZone,
		homes: await kioskUnits(db, site.id),
		values: parsed.values,
		result: await searchVisitorLog(db, site, parsed.query),
		mayBlock: can(role, 'visitors.block'),
		mayExport: can(role, 'visitors.export')
	};
};

export const actions: Actions = {
	search: async ({ locals, url, request }) => {
		const { db } = app();
		const { site } = await requirePermission(db, locals, url, 'visitors.log');
		const parsed = parseLogQuery(await request.formData(), siteDate(new Date(), site.timeZone));
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		return { values: parsed.values, result: await searchVisitorLog(db, site, parsed.query) };
	}
};
