import { can } from '#lib/domain/access.js';
import { parseQueueQuery } from '#lib/domain/ticket-queues.js';
import { requirePermission } from '#lib/server/auth/guard.js';
import { app } from '#lib/server/runtime.js';
import { listQueue } from '#lib/server/ticket-queues.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, depends }) => {
	depends('app:tickets');
	const { db } = app();
	const { user, site, role } = await requirePermission(db, locals, url, 'ticket.read');
	const query = parseQueueQuery(url.searchParams);
	const rows = await listQueue(db, site.id, { staffId: user.id, role }, query);
	// Names are for those who work tickets; a guard sees what and where, not who.
	const withNames = can(role, 'ticket.work');
	return {
		query,
		timeZone: site.timeZone,
		tickets: withNames ? rows : rows.map((row) => ({ ...row, reporterName: null }))
	};
};
