import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	headlineOf,
	ownerPage,
	ownerSteps,
	type OwnerEvent,
	type OwnerTicket,
	type StaffDirectory
} from './owner-page.js';
import { TICKET_STATUSES, TICKET_TYPES, type TicketStatus, type TicketType } from './vocabulary.js';

const T0 = new Date('2026-11-23T01:00:00Z');
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

const ENGINEER = '00000000-0000-4000-8000-000000000001';
const ASSISTANT = '00000000-0000-4000-8000-000000000002';
const staff: StaffDirectory = new Map([
	[ENGINEER, { name: '李建国', role: 'engineer' as const }],
	[ASSISTANT, { name: '王芳', role: 'assistant' as const }]
]);

function ticket(status: TicketStatus, more: Partial<OwnerTicket> = {}): OwnerTicket {
	return {
		type: 'repair',
		status,
		assigneeId: null,
		appointmentAt: null,
		appointmentConfirmedAt: null,
		acceptedAt: null,
		onSiteAt: null,
		resolvedAt: null,
		ownerAcceptedAt: null,
		ownerRating: null,
		...more
	};
}

function event(type: string, minutes: number, more: Partial<OwnerEvent> = {}): OwnerEvent {
	return {
		type,
		at: later(minutes),
		actorKind: 'staff',
		actorStaffId: null,
		reason: null,
		data: {},
		...more
	};
}

const states = (t: OwnerTicket) => ownerSteps(t).map((s) => `${s.key}:${s.state}`);

describe('the progress steps', () => {
	it.each([
		['new', {}, ['received:current', 'taken_on:todo', 'working:todo', 'resolved:todo']],
		['accepted', {}, ['received:done', 'taken_on:current', 'working:todo', 'resolved:todo']],
		['in_progress', {}, ['received:done', 'taken_on:done', 'working:current', 'resolved:todo']],
		[
			'in_progress',
			{ onSiteAt: later(10) },
			['received:done', 'taken_on:done', 'on_site:current', 'resolved:todo']
		],
		['resolved', {}, ['received:done', 'taken_on:done', 'working:done', 'resolved:current']],
		['followed_up', {}, ['received:done', 'taken_on:done', 'working:done', 'resolved:done']]
	] as const)('a repair %s (%o) shows %o first', (status, more, expected) => {
		expect(states(ticket(status, more)).slice(0, 4)).toEqual(expected);
	});

	it('a repair runs received → taken on → worked → resolved → followed up → closed', () => {
		expect(states(ticket('followed_up'))).toEqual([
			'received:done',
			'taken_on:done',
			'working:done',
			'resolved:done',
			'followed_up:current',
			'closed:todo'
		]);
		expect(states(ticket('closed', { resolvedAt: later(60) }))).toEqual([
			'received:done',
			'taken_on:done',
			'working:done',
			'resolved:done',
			'followed_up:done',
			'closed:done'
		]);
	});

	it('a question has no follow-up step', () => {
		expect(states(ticket('resolved', { type: 'consultation' }))).toEqual([
			'received:done',
			'taken_on:done',
			'working:done',
			'resolved:current',
			'closed:todo'
		]);
	});

	it('waiting for the owner stays where the work had got to', () => {
		expect(states(ticket('waiting_owner', { acceptedAt: later(1) }))[1]).toBe('taken_on:current');
		expect(states(ticket('waiting_owner', { acceptedAt: later(1), onSiteAt: later(9) }))[2]).toBe(
			'on_site:current'
		);
	});

	it('a reopened request starts over; a declined one stops after being received', () => {
		expect(states(ticket('reopened', { resolvedAt: later(60) }))[0]).toBe('received:current');
		expect(states(ticket('declined'))).toEqual(['received:done', 'declined:current']);
		expect(states(ticket('closed'))).toEqual(['received:done', 'closed:current']);
	});

	it('has exactly one current step until closed, for every type and status', () => {
		fc.assert(
			fc.property(
				fc.constantFrom<TicketType>(...TICKET_TYPES),
				fc.constantFrom<TicketStatus>(...TICKET_STATUSES),
				fc.boolean(),
				fc.boolean(),
				(type, status, onSite, resolved) => {
					const steps = ownerSteps(
						ticket(status, {
							type,
							onSiteAt: onSite ? later(5) : null,
							resolvedAt: resolved ? later(50) : null
						})
					);
					const current = steps.filter((s) => s.state === 'current').length;
					const closedAfterWork = status === 'closed' && resolved;
					expect(current).toBe(closedAfterWork ? 0 : 1);
					// Done steps come first, then the current one, then what is still to come.
					const order = steps.map((s) => ['done', 'current', 'todo'].indexOf(s.state));
					expect(order).toEqual([...order].sort());
				}
			)
		);
	});
});

describe('the headline', () => {
	it.each([
		['new', {}, 'new'],
		['accepted', {}, 'accepted'],
		['in_progress', {}, 'in_progress'],
		['in_progress', { onSiteAt: later(5) }, 'on_site'],
		['waiting_owner', {}, 'waiting'],
		['resolved', {}, 'resolved'],
		['resolved', { ownerAcceptedAt: later(70) }, 'resolved_accepted'],
		['followed_up', {}, 'followed_up'],
		['closed', {}, 'closed'],
		['reopened', {}, 'reopened'],
		['declined', {}, 'declined']
	] as const)('for %s (%o) says %s', (status, more, expected) => {
		expect(headlineOf(ticket(status, more))).toBe(expected);
	});
});

describe('the owner page', () => {
	const history: OwnerEvent[] = [
		event('ticket.filed', 0, { actorKind: 'device', data: { serial: 'R-20261123-001' } }),
		event('ticket.claimed', 2, { actorStaffId: ASSISTANT }),
		event('ticket.dispatched', 3, { actorStaffId: ASSISTANT, data: { assigneeId: ENGINEER } }),
		event('ticket.contacted', 4, {
			actorStaffId: ASSISTANT,
			data: { kind: 'note', text: '业主脾气不好，王芳记' }
		}),
		event('ticket.contacted', 5, { actorStaffId: ASSISTANT, data: { kind: 'call' } }),
		event('ticket.appointment_set', 6, {
			actorStaffId: ENGINEER,
			data: { at: later(120).toISOString() }
		}),
		event('owner.note', 7, { actorKind: 'resident', data: { text: '下午两点后在家' } }),
		event('ticket.assignee_internal', 8, { actorStaffId: ENGINEER, data: { text: 'secret' } }),
		event('ticket.on_site', 9, { actorStaffId: ENGINEER })
	];

	it('tells the story in plain words, staff by handle only, internal notes left out', () => {
		const page = ownerPage(
			ticket('in_progress', {
				assigneeId: ENGINEER,
				acceptedAt: later(2),
				onSiteAt: later(9),
				appointmentAt: later(120)
			}),
			history,
			staff
		);
		expect(page.timeline.map((e) => [e.kind, e.who?.zh ?? null, e.text])).toEqual([
			['filed', null, null],
			['taken_on', '王助理', null],
			['dispatched', '李师傅', null],
			['called', '王助理', null],
			['appointed', '李师傅', null],
			['owner_note', null, '下午两点后在家'],
			['on_site', '李师傅', null]
		]);
		expect(page.timeline[4]?.when).toEqual(later(120));
		expect(page.handler).toEqual({ zh: '李师傅', en: 'Engineer Li' });
		expect(page.appointment).toEqual({ at: later(120), confirmed: false });
		expect(page.actions).toEqual(['note', 'confirm_appointment']);
		expect(page.notice).toBeNull();
		const json = JSON.stringify(page);
		for (const secret of ['李建国', '王芳', '脾气', 'secret', ENGINEER, ASSISTANT]) {
			expect(json).not.toContain(secret);
		}
	});

	it('asks for the owner when waiting, with the reason given to them', () => {
		const page = ownerPage(
			ticket('waiting_owner', { acceptedAt: later(2) }),
			[
				event('ticket.filed', 0, { actorKind: 'device' }),
				event('ticket.waiting_owner', 3, {
					actorStaffId: ASSISTANT,
					reason: '请先把阀门钥匙交到服务台'
				})
			],
			staff
		);
		expect(page.notice).toEqual({ kind: 'waiting', reason: '请先把阀门钥匙交到服务台' });
	});

	it('says why a request was declined; a reopened one says it is being redone', () => {
		const declined = ownerPage(
			ticket('declined'),
			[
				event('ticket.declined', 3, { actorStaffId: ASSISTANT, reason: '属于市政供水，已告知热线' })
			],
			staff
		);
		expect(declined.notice).toEqual({ kind: 'declined', reason: '属于市政供水，已告知热线' });
		expect(declined.timeline[0]).toMatchObject({
			kind: 'declined',
			text: '属于市政供水，已告知热线'
		});
		expect(ownerPage(ticket('reopened'), [], staff).notice).toEqual({ kind: 'reopened' });
	});

	it('after the work: accept and rate; the rating and comment show on the timeline', () => {
		const resolved = ownerPage(ticket('resolved', { resolvedAt: later(60) }), [], staff);
		expect(resolved.actions).toEqual(['note', 'accept', 'rate']);
		const rated = ownerPage(
			ticket('followed_up', {
				resolvedAt: later(60),
				ownerAcceptedAt: later(61),
				ownerRating: 'neutral'
			}),
			[
				event('ticket.owner_accepted', 61, { actorKind: 'resident' }),
				event('owner.rated', 62, {
					actorKind: 'resident',
					data: { rating: 'neutral', comment: '来得有点晚' }
				})
			],
			staff
		);
		expect(rated.accepted).toBe(true);
		expect(rated.rating).toBe('neutral');
		expect(rated.actions).toEqual(['note', 'rate']);
		expect(rated.timeline.map((e) => [e.kind, e.rating, e.text])).toEqual([
			['accepted', null, null],
			['owner_rated', 'neutral', '来得有点晚']
		]);
	});

	it('says an item pass expired when its day passed unused; the request stops at closed', () => {
		const page = ownerPage(
			ticket('closed', { type: 'release_pass', acceptedAt: later(5) }),
			[
				event('ticket.filed', 0, { actorKind: 'device' }),
				event('pass.approved', 5, { actorStaffId: ASSISTANT }),
				event('pass.expired', 60 * 24, {
					actorKind: 'system',
					data: { serial: 'G-20261123-001', carryOn: '2026-11-23', was: 'approved' }
				})
			],
			staff
		);
		expect(page.timeline.map((e) => [e.kind, e.who])).toEqual([
			['filed', null],
			['pass_expired', null]
		]);
		expect(page.steps.map((s) => `${s.key}:${s.state}`)).toEqual([
			'received:done',
			'closed:current'
		]);
	});

	it('keeps the desk’s follow-link events off the owner’s timeline', () => {
		const page = ownerPage(
			ticket('accepted'),
			[
				event('ticket.filed', 0, { actorKind: 'staff', actorStaffId: ASSISTANT }),
				event('owner_link.sent', 1, {
					actorStaffId: ASSISTANT,
					data: { serial: 'R-20261123-001', phoneLast4: '5678' }
				}),
				event('owner_link.send_failed', 1, { actorStaffId: ASSISTANT, data: { sentSeq: 2 } }),
				event('owner_link.revoked', 2, { actorStaffId: ASSISTANT, data: { count: 2 } }),
				event('ticket.claimed', 3, { actorStaffId: ASSISTANT })
			],
			staff
		);
		expect(page.timeline.map((e) => e.kind)).toEqual(['filed', 'taken_on']);
		expect(JSON.stringify(page)).not.toContain('5678');
	});

	it('shows staff who have since left by their family name and a neutral title', () => {
		const page = ownerPage(
			ticket('accepted', { assigneeId: ENGINEER }),
			[],
			new Map([[ENGINEER, { name: '孙伟', role: null }]])
		);
		expect(page.handler).toEqual({ zh: '孙老师', en: 'Staff Sun' });
		expect(ownerPage(ticket('closed', { assigneeId: ENGINEER }), [], staff).handler).toBeNull();
	});
});
