import { TICKET_ACTIONS } from '../../src/lib/domain/ticket-workflow.js';
import { NO_FIELDS, ticketAction } from './fuzz-fields.js';
import { action, linkWithdrawPaths, staffDir, ticketPaths, type Target } from './fuzz-target.js';

/** The console ticket page's actions: the workflow's steps, the quote and fee, the owner's link. */
export const TICKET_PAGE_TARGETS: Target[] = [
	...[...TICKET_ACTIONS, 'take'].map((name) =>
		action(staffDir('/tickets/[serial]'), name, 'assistant', ticketAction, ticketPaths)
	),
	action(
		staffDir('/tickets/[serial]'),
		'quotePropose',
		'assistant',
		() => ({
			item: ['', crypto.randomUUID()],
			quantity: ['1', '0'],
			labour: ['30', '12.345'],
			materialName0: ['水龙头'],
			materialQuantity0: ['1'],
			materialPrice0: ['25.5'],
			materialOwner0: ['on']
		}),
		ticketPaths
	),
	...['quoteConfirm', 'quoteDecline'].map((name) =>
		action(
			staffDir('/tickets/[serial]'),
			name,
			'assistant',
			() => ({ note: ['电话确认'] }),
			ticketPaths
		)
	),
	...['quoteCash', 'quoteBill'].map((name) =>
		action(staffDir('/tickets/[serial]'), name, 'assistant', NO_FIELDS, ticketPaths)
	),
	action(
		staffDir('/tickets/[serial]'),
		'quoteWaive',
		'director',
		() => ({ amount: ['10', '999'], reason: ['行动不便的老人'] }),
		ticketPaths
	),
	action(staffDir('/tickets/[serial]'), 'sendOwnerLink', 'assistant', NO_FIELDS, ticketPaths),
	action(
		staffDir('/tickets/[serial]'),
		'revokeOwnerLinks',
		'assistant',
		NO_FIELDS,
		linkWithdrawPaths
	)
];
