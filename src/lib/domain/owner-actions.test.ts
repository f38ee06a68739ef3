import { describe, expect, it } from 'vitest';
import {
	checkNote,
	checkRating,
	ownerActionRefusal,
	ownerActionsAllowed,
	type OwnerActionTicket
} from './owner-actions.js';
import { TICKET_STATUSES, type TicketStatus } from './vocabulary.js';

const at = new Date('2026-11-23T02:00:00Z');
const ticket = (
	status: TicketStatus,
	more: Partial<OwnerActionTicket> = {}
): OwnerActionTicket => ({
	status,
	appointmentAt: null,
	appointmentConfirmedAt: null,
	ownerAcceptedAt: null,
	...more
});

describe('what an owner may do from their phone', () => {
	it('adds information to anything not closed', () => {
		for (const status of TICKET_STATUSES) {
			expect(ownerActionRefusal('note', ticket(status))).toBe(
				status === 'closed' ? 'ownerRequestClosed' : null
			);
		}
	});

	it('confirms a proposed appointment once, while the work is still to be done', () => {
		expect(ownerActionRefusal('confirm_appointment', ticket('accepted'))).toBe(
			'ownerNoAppointment'
		);
		for (const status of ['new', 'accepted', 'in_progress', 'waiting_owner', 'reopened'] as const) {
			expect(ownerActionRefusal('confirm_appointment', ticket(status, { appointmentAt: at }))).toBe(
				null
			);
		}
		for (const status of ['resolved', 'followed_up', 'closed', 'declined'] as const) {
			expect(ownerActionRefusal('confirm_appointment', ticket(status, { appointmentAt: at }))).toBe(
				'ownerAppointmentTooLate'
			);
		}
		expect(
			ownerActionRefusal(
				'confirm_appointment',
				ticket('accepted', { appointmentAt: at, appointmentConfirmedAt: at })
			)
		).toBe('ownerAppointmentConfirmedAlready');
	});

	it('accepts finished work only when resolved, once', () => {
		for (const status of TICKET_STATUSES) {
			expect(ownerActionRefusal('accept', ticket(status))).toBe(
				status === 'resolved' ? null : 'ownerNotResolved'
			);
		}
		expect(ownerActionRefusal('accept', ticket('resolved', { ownerAcceptedAt: at }))).toBe(
			'ownerAlreadyAccepted'
		);
	});

	it('rates once the request is resolved, followed up or closed', () => {
		for (const status of TICKET_STATUSES) {
			expect(ownerActionRefusal('rate', ticket(status))).toBe(
				['resolved', 'followed_up', 'closed'].includes(status) ? null : 'ownerNotYetRateable'
			);
		}
	});

	it('lists what is open now, in order', () => {
		expect(ownerActionsAllowed(ticket('in_progress', { appointmentAt: at }))).toEqual([
			'note',
			'confirm_appointment'
		]);
		expect(ownerActionsAllowed(ticket('resolved'))).toEqual(['note', 'accept', 'rate']);
		expect(ownerActionsAllowed(ticket('closed'))).toEqual(['rate']);
	});
});

describe('what the owner types', () => {
	it('a note of 4 to 500 characters, trimmed', () => {
		expect(checkNote('   ')).toEqual({ ok: false, error: 'ownerNoteRequired' });
		expect(checkNote(' 漏水 ')).toEqual({ ok: false, error: 'ownerNoteTooShort' });
		expect(checkNote(' 下午在家 ')).toEqual({ ok: true, text: '下午在家' });
		expect(checkNote('水'.repeat(500))).toMatchObject({ ok: true });
		expect(checkNote('水'.repeat(501))).toEqual({ ok: false, error: 'ownerNoteTooLong' });
	});

	it('a rating of the three, with an optional comment', () => {
		expect(checkRating('satisfied', '  ')).toEqual({
			ok: true,
			rating: 'satisfied',
			comment: null
		});
		expect(checkRating('dissatisfied', ' 还在滴水 ')).toEqual({
			ok: true,
			rating: 'dissatisfied',
			comment: '还在滴水'
		});
		expect(checkRating('great', '')).toEqual({
			ok: false,
			errors: { rating: 'ownerRatingRequired' }
		});
		expect(checkRating('neutral', '字'.repeat(501))).toEqual({
			ok: false,
			errors: { comment: 'ownerCommentTooLong' }
		});
	});
});
