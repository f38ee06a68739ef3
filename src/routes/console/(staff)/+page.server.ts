import { fail } from '@sveltejs/kit';
import { can } from '#lib/domain/access.js';
import { requirePermission, requireStaff } from '#lib/server/auth/guard.js';
import { app } from '#lib/server/runtime.js';
import { siteOverview } from '#lib/server/site-overview.js';
import { NO_VALUES } from '#lib/domain/ticket-action-input.js';
import { actOnTicket } from '#lib/server/ticket-workflow.js';
import { formId } from '#lib/server/http/form-values.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, parent }) => {
	requireStaff(locals, url);
	const { site, role } = await parent();
	if (!site) return { overview: null };
	const withArchive = can(role, 'archive.read');
	return { overview: await siteOverview(app().db, site.id, { withArchive }) };
};

export const actions: Actions = {
	claim: async ({ locals, url, request }) => {
		const { db } = app();
		const { site, user, role } = await requirePermission(db, locals, url, 'ticket.claim');
		const ticketId = formId(await request.formData(), 'ticket');
		if (!ticketId)
			return fail(404, { claimError: { ticketId: '', error: 'ticketNotNew' as const } });
		const result = await actOnTicket(db, {
			siteId: site.id,
			ticketId,
			action: 'claim',
			actor: { staffId: user.id, role },
			values: NO_VALUES
		});
		if (!result.ok) {
			return fail(409, { claimError: { ticketId, error: 'ticketNotNew' as const } });
		}
		return { claimed: ticketId };
	}
};
