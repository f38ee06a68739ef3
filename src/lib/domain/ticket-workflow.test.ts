import { describe, expect, it } from 'vitest';
import {
	availableActions,
	checkAction,
	followUpOutcome,
	statusAfter,
	type WorkflowActor,
	type WorkflowTicket
} from './ticket-workflow.js';
import type { StaffRole, TicketStatus, TicketType } from './vocabulary.js';

const ME = 'staff-me';
const actor = (role: StaffRole, staffId = ME): WorkflowActor => ({ role, staffId });
const ticket = (
	status: TicketStatus,
	extra: Partial<WorkflowTicket> & { type?: TicketType } = {}
): WorkflowTicket => ({
	type: 'repair',
	status,
	assigneeId: null,
	replied: false,
	ownerAccepted: false,
	dissatisfiedCount: 0,
	...extra
});

describe('ticket workflow', () => {
	it('lets customer service take a new request, and no one else', () => {
		expect(checkAction('claim', ticket('new'), actor('assistant'))).toBeNull();
		expect(checkAction('claim', ticket('new'), actor('engineer'))).toBe('actionForbidden');
		expect(checkAction('claim', ticket('new'), actor('guard'))).toBe('actionForbidden');
		expect(checkAction('claim', ticket('new'), actor('admin'))).toBe('actionForbidden');
		expect(checkAction('claim', ticket('accepted'), actor('assistant'))).toBe('actionWrongStatus');
	});

	it('lets anyone on duty take an emergency, guards and engineers too', () => {
		const emergency = ticket('new', { type: 'emergency' });
		for (const role of ['assistant', 'supervisor', 'director', 'engineer', 'guard'] as const) {
			expect(checkAction('claim', emergency, actor(role)), role).toBeNull();
		}
		expect(checkAction('claim', emergency, actor('admin'))).toBe('actionForbidden');
	});

	it('lets an engineer work only the tickets assigned to them', () => {
		const theirs = ticket('in_progress', { assigneeId: ME });
		const others = ticket('in_progress', { assigneeId: 'someone-else' });
		expect(checkAction('on_site', theirs, actor('engineer'))).toBeNull();
		expect(checkAction('resolve', theirs, actor('engineer'))).toBeNull();
		expect(checkAction('on_site', others, actor('engineer'))).toBe('actionNotAssignee');
		expect(checkAction('on_site', others, actor('assistant'))).toBeNull();
		expect(checkAction('dispatch', theirs, actor('engineer'))).toBe('actionForbidden');
	});

	it('refuses what does not follow from the current status', () => {
		expect(checkAction('resolve', ticket('new'), actor('supervisor'))).toBe('actionWrongStatus');
		expect(checkAction('follow_up', ticket('in_progress'), actor('supervisor'))).toBe(
			'actionWrongStatus'
		);
		expect(checkAction('reopen', ticket('in_progress'), actor('supervisor'))).toBe(
			'actionWrongStatus'
		);
		expect(checkAction('resume', ticket('in_progress'), actor('supervisor'))).toBe(
			'actionWrongStatus'
		);
		expect(checkAction('owner_accept', ticket('in_progress'), actor('assistant'))).toBe(
			'actionWrongStatus'
		);
	});

	it('follows up repairs, complaints and paid services before closing them', () => {
		const quote = { confirmed: true, declined: false, settled: true };
		for (const type of ['repair', 'complaint', 'paid_service'] as const) {
			const resolved = ticket('resolved', { type, quote });
			expect(checkAction('close', resolved, actor('assistant')), type).toBe('actionWrongStatus');
			expect(checkAction('follow_up', resolved, actor('assistant')), type).toBeNull();
			expect(
				checkAction('close', ticket('followed_up', { type, quote }), actor('assistant'))
			).toBeNull();
		}
		for (const type of ['consultation', 'other', 'emergency'] as const) {
			const resolved = ticket('resolved', { type });
			expect(checkAction('close', resolved, actor('assistant')), type).toBeNull();
			expect(checkAction('follow_up', resolved, actor('assistant')), type).toBe('actionNoFollowUp');
		}
	});

	it('keeps a declined ticket open until the owner has had a reply', () => {
		expect(checkAction('close', ticket('declined'), actor('assistant'))).toBe('actionReplyOwed');
		expect(checkAction('close', ticket('declined', { replied: true }), actor('assistant'))).toBe(
			null
		);
		expect(checkAction('contact', ticket('declined'), actor('assistant'))).toBeNull();
	});

	it('leaves an item-release pass to its own steps, but records contacts on it', () => {
		const pass = ticket('new', { type: 'release_pass' });
		expect(availableActions(pass, actor('supervisor'))).toEqual(['contact']);
		expect(checkAction('decline', pass, actor('supervisor'))).toBe('actionPassFlow');
		expect(checkAction('claim', pass, actor('assistant'))).toBe('actionPassFlow');
	});

	it('records contacts at any status, even after closing', () => {
		expect(checkAction('contact', ticket('closed'), actor('assistant'))).toBeNull();
		expect(checkAction('contact', ticket('new'), actor('director'))).toBeNull();
	});

	it('offers nothing to the admin and nothing to a guard on a repair', () => {
		for (const status of ['new', 'accepted', 'resolved'] as const) {
			expect(availableActions(ticket(status), actor('admin'))).toEqual([]);
			expect(availableActions(ticket(status), actor('guard'))).toEqual([]);
		}
	});

	it('offers the next steps in order', () => {
		expect(availableActions(ticket('new'), actor('assistant'))).toEqual([
			'claim',
			'assign',
			'dispatch',
			'contact',
			'decline'
		]);
		expect(availableActions(ticket('resolved'), actor('assistant'))).toEqual([
			'contact',
			'owner_accept',
			'reopen',
			'follow_up'
		]);
	});

	it('moves the ticket through its lifecycle', () => {
		expect(statusAfter('claim', ticket('new'))).toBe('accepted');
		expect(statusAfter('assign', ticket('in_progress'))).toBe('in_progress');
		expect(statusAfter('dispatch', ticket('accepted'))).toBe('in_progress');
		expect(statusAfter('wait_owner', ticket('in_progress'))).toBe('waiting_owner');
		expect(statusAfter('resume', ticket('waiting_owner'))).toBe('in_progress');
		expect(statusAfter('resolve', ticket('in_progress'))).toBe('resolved');
		expect(statusAfter('contact', ticket('resolved'))).toBe('resolved');
		expect(statusAfter('owner_accept', ticket('resolved'))).toBe('resolved');
		expect(statusAfter('decline', ticket('new'))).toBe('declined');
		expect(statusAfter('reopen', ticket('closed'))).toBe('reopened');
		expect(statusAfter('close', ticket('followed_up'))).toBe('closed');
	});

	it('redoes until satisfied and escalates the second dissatisfied follow-up', () => {
		expect(followUpOutcome('satisfied', 0)).toEqual({ status: 'followed_up', escalate: false });
		expect(followUpOutcome('neutral', 1)).toEqual({ status: 'followed_up', escalate: false });
		expect(followUpOutcome('dissatisfied', 0)).toEqual({ status: 'reopened', escalate: false });
		expect(followUpOutcome('dissatisfied', 1)).toEqual({ status: 'reopened', escalate: true });
		expect(statusAfter('follow_up', ticket('resolved'), 'dissatisfied')).toBe('reopened');
		expect(statusAfter('follow_up', ticket('resolved'), 'satisfied')).toBe('followed_up');
	});

	describe('paid services', () => {
		const paid = (status: TicketStatus, quote: WorkflowTicket['quote'] = null) =>
			ticket(status, { type: 'paid_service', quote });
		const confirmed = { confirmed: true, declined: false, settled: false };

		it('are resolved only on a quote the owner confirmed', () => {
			expect(checkAction('resolve', paid('in_progress'), actor('assistant'))).toBe(
				'actionQuoteUnconfirmed'
			);
			expect(
				checkAction(
					'resolve',
					paid('in_progress', { ...confirmed, confirmed: false }),
					actor('assistant')
				)
			).toBe('actionQuoteUnconfirmed');
			expect(checkAction('resolve', paid('in_progress', confirmed), actor('assistant'))).toBeNull();
			expect(availableActions(paid('in_progress'), actor('assistant'))).not.toContain('resolve');
		});

		it('close once the fee is settled, or when declined', () => {
			expect(checkAction('close', paid('followed_up', confirmed), actor('assistant'))).toBe(
				'actionPaymentOpen'
			);
			expect(
				checkAction(
					'close',
					paid('followed_up', { ...confirmed, settled: true }),
					actor('assistant')
				)
			).toBeNull();
			expect(
				checkAction(
					'close',
					ticket('declined', { type: 'paid_service', replied: true }),
					actor('assistant')
				)
			).toBeNull();
		});

		it('may be declined after an engineer went to look, when the owner refused the quote', () => {
			const refused = { confirmed: false, declined: true, settled: false };
			expect(checkAction('decline', paid('in_progress', refused), actor('assistant'))).toBeNull();
			expect(checkAction('decline', paid('waiting_owner', refused), actor('assistant'))).toBeNull();
			expect(checkAction('decline', paid('in_progress'), actor('assistant'))).toBe(
				'actionWrongStatus'
			);
			expect(checkAction('decline', paid('resolved', refused), actor('assistant'))).toBe(
				'actionWrongStatus'
			);
			expect(statusAfter('decline', paid('in_progress', refused))).toBe('declined');
			// Work done on a confirmed quote, then reopened: it is paid for, not declined away.
			expect(checkAction('decline', paid('reopened', confirmed), actor('assistant'))).toBe(
				'actionPaymentOpen'
			);
			expect(
				checkAction(
					'decline',
					paid('reopened', { ...confirmed, settled: true }),
					actor('assistant')
				)
			).toBeNull();
		});
	});
});
