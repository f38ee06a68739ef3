import { fail } from '@sveltejs/kit';
import { can } from '#lib/domain/access.js';
import { requirePermission, requireStaff } from '#lib/server/auth/guard.js';
import { FEED_LENGTH } from '#lib/realtime/stream.js';
import { loadSnapshot, recentEvents } from '#lib/server/realtime/projections.js';
import { app } from '#lib/server/runtime.js';
import { siteOverview } from '#lib/server/site-overview.js';
import { claimTicket } from '#lib/server/ticket-actions.js';
import { formId } from '#lib/server/http/form-values.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, parent }) => {
	requireStaff(locals, url);
	const { site, role } = await parent();
	if (!site) return { overview: null, board: null, feed: [] };
	const { db } = app();
	const withArchive = can(role, 'archive.read');
	const live = can(role, 'stream.staff');
	const [overview, board, feed] = await Promise.all([
		siteOverview(db, site.id, { withArchive }),
		live ? loadSnapshot(db, site.id, 'staff') : null,
		live ? recentEvents(db, site.id, FEED_LENGTH) : []
	]);
	return { overview, board, feed };
};

export const actions: Actions = {
	claim: async ({ locals, url, request }) => {
		const { db } = app();
		const { site, user } = await requirePermission(db, locals, url, 'ticket.claim');
		const ticketId = formId(await request.formData(), 'ticket');
		if (!ticketId)
			return fail(404, { claimError: { ticketId: '', error: 'ticketNotNew' as const } });
		const result = await claimTicket(db, {
			siteId: site.id,
			ticketId,
			actor: { kind: 'staff', staffId: user.id }
		});
		if (!result.ok) return fail(409, { claimError: { ticketId, error: result.error } });
		return { claimed: ticketId };
	}
};
