import { error, fail } from '@sveltejs/kit';
import { can, type Action } from '#lib/domain/access.js';
import { checkActionInput } from '#lib/domain/ticket-action-input.js';
import { availableActions, permissionFor, type TicketAction } from '#lib/domain/ticket-workflow.js';
import { messagesFor } from '#lib/i18n/messages.js';
import { requirePermission } from '#lib/server/auth/guard.js';
import { readActionForm } from '#lib/server/http/action-form.js';
import { app } from '#lib/server/runtime.js';
import { actOnTicket, workflowView, type ActError } from '#lib/server/ticket-workflow.js';
import { assignableStaff, findTicket, loadTicketPage } from '#lib/server/ticket-view.js';
import { ticketClockDetails } from '#lib/server/clocks/ticket-clocks.js';
import { quotePanel } from '#lib/server/quote-view.js';
import { workflowQuote } from '#lib/server/quotes.js';
import { quoteActions } from './quote-actions.js';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import {
	loadOwnerLinkPanel,
	revokeOwnerLinksAction,
	sendOwnerLinkAction
} from './owner-link.server.js';

export const load: PageServerLoad = async ({ locals, url, params, depends }) => {
	depends('app:ticket');
	const { db } = app();
	const { user, site, role } = await requirePermission(db, locals, url, 'ticket.read');
	const page = await loadTicketPage(db, site.id, params.serial);
	if (!page) error(404, { message: messagesFor(locals.locale).ticketNotFound });
	const { ticket } = page;
	const actor = { staffId: user.id, role };
	const actions = availableActions(workflowView(ticket, await workflowQuote(db, ticket)), actor);
	const needsStaff = actions.includes('assign') || actions.includes('dispatch');
	return {
		timeZone: site.timeZone,
		ticket: {
			...page.ticket,
			// Who reported it and how to reach them are for those who work tickets, not the gate.
			reporterPhone: can(role, 'ticket.work') ? page.reporter.phone : null,
			reporterName: can(role, 'ticket.work') ? page.reporter.name : null
		},
		unit: page.unit,
		buildingCode: page.buildingCode,
		assigneeName: page.assigneeName,
		timeline: page.timeline,
		clocks: await ticketClockDetails(db, ticket.id),
		quote: await quotePanel(db, ticket, actor, site.timeZone),
		actions,
		ownerLink: await loadOwnerLinkPanel(db, role, {
			id: ticket.id,
			reporterPhone: page.reporter.phone
		}),
		staff: needsStaff
			? await assignableStaff(db, site.id, ['assistant', 'supervisor', 'director', 'engineer'])
			: []
	};
};

const HTTP_STATUS: Record<ActError, number> = {
	ticketNotFound: 404,
	actionForbidden: 403,
	actionWrongStatus: 409,
	actionNotAssignee: 409,
	actionReplyOwed: 409,
	actionNoFollowUp: 409,
	actionPassFlow: 409,
	actionQuoteUnconfirmed: 409,
	actionPaymentOpen: 409,
	staffInvalid: 400
};

/**
 * One form action per workflow action. The role is checked before the ticket is looked up, so a
 * role that may never do it is refused (403) whatever the ticket; the workflow then judges the
 * ticket's status and assignee under a row lock.
 */
function act(action: TicketAction, gate: Action = permissionFor(action, 'repair')) {
	return async ({ locals, url, params, request }: RequestEvent) => {
		const { db } = app();
		const { user, site, role } = await requirePermission(db, locals, url, gate);
		const ticket = await findTicket(db, site.id, params.serial);
		// `take` is the emergency's own claim: anything else is not found through it.
		const isEmergency = ticket?.type === 'emergency';
		if (!ticket || (action === 'claim' && (gate === 'emergency.take') !== isEmergency)) {
			return fail(404, { action, refusal: 'ticketNotFound' as ActError });
		}
		const { input, echo } = readActionForm(await request.formData(), site.timeZone);
		const now = new Date();
		const checked = checkActionInput(action, ticket.type, input, now);
		if (!checked.ok) return fail(400, { action, errors: checked.errors, values: echo });
		const result = await actOnTicket(
			db,
			{
				siteId: site.id,
				ticketId: ticket.id,
				action,
				actor: { staffId: user.id, role },
				values: checked.values
			},
			now
		);
		if (!result.ok) {
			return fail(HTTP_STATUS[result.error], {
				action,
				refusal: result.error,
				values: echo
			});
		}
		return { action, done: true };
	};
}

export const actions: Actions = {
	claim: act('claim', 'ticket.claim'),
	take: act('claim', 'emergency.take'),
	assign: act('assign'),
	dispatch: act('dispatch'),
	contact: act('contact'),
	appoint: act('appoint'),
	on_site: act('on_site'),
	wait_owner: act('wait_owner'),
	resume: act('resume'),
	resolve: act('resolve'),
	owner_accept: act('owner_accept'),
	decline: act('decline'),
	reopen: act('reopen'),
	follow_up: act('follow_up'),
	close: act('close'),
	quotePropose: quoteActions.quotePropose,
	quoteConfirm: quoteActions.quoteConfirm,
	quoteDecline: quoteActions.quoteDecline,
	quoteCash: quoteActions.quoteCash,
	quoteBill: quoteActions.quoteBill,
	quoteWaive: quoteActions.quoteWaive,
	sendOwnerLink: sendOwnerLinkAction,
	revokeOwnerLinks: revokeOwnerLinksAction
};
