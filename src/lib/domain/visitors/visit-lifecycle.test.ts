import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	AT_DESK_REASONS,
	canMove,
	consentDeadline,
	endOfDayCutoff,
	endOfDayOutcome,
	isAwaitingDecision,
	isFinal,
	nextOnTimeout,
	statusShownAtKiosk,
	VISIT_STATUSES,
	visitOutcomeForKiosk,
	type DayVisit,
	type VisitStatus
} from './visit-lifecycle.js';

const SHANGHAI = 'Asia/Shanghai';
const created = new Date('2026-11-22T02:00:00Z');
const minutes = (n: number) => new Date(created.getTime() + n * 60_000);

describe('moving a visit', () => {
	it.each([
		['invited', 'approved', true],
		['invited', 'expired', true],
		['invited', 'cancelled', true],
		['invited', 'waiting_host', false],
		['waiting_host', 'approved', true],
		['waiting_host', 'refused', true],
		['waiting_host', 'at_desk', true],
		['waiting_host', 'cancelled', true],
		['waiting_host', 'signed_out', false],
		['at_desk', 'approved', true],
		['at_desk', 'refused', true],
		['at_desk', 'waiting_host', false],
		['approved', 'signed_out', true],
		['approved', 'auto_signed_out', true],
		['approved', 'refused', false],
		['refused', 'approved', false],
		['signed_out', 'approved', false],
		['auto_signed_out', 'signed_out', false]
	] as const)('%s → %s: %s', (from, to, allowed) => {
		expect(canMove(from, to)).toBe(allowed);
	});

	it('never stays put, never returns to a start, and stops at the ends', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...VISIT_STATUSES),
				fc.constantFrom(...VISIT_STATUSES),
				(from, to) => {
					if (canMove(from, to)) {
						expect(to).not.toBe(from);
						expect(['invited', 'waiting_host']).not.toContain(to);
						expect(isFinal(from)).toBe(false);
					}
				}
			)
		);
		const finals = VISIT_STATUSES.filter(isFinal);
		expect(finals).toEqual(['refused', 'signed_out', 'auto_signed_out', 'expired', 'cancelled']);
	});

	it('reaches every status from an invitation or a kiosk registration', () => {
		const reached = new Set<VisitStatus>(['invited', 'waiting_host']);
		const queue = [...reached];
		for (let from = queue.shift(); from; from = queue.shift()) {
			for (const to of VISIT_STATUSES.filter((to) => canMove(from, to) && !reached.has(to))) {
				reached.add(to);
				queue.push(to);
			}
		}
		expect([...reached].sort()).toEqual([...VISIT_STATUSES].sort());
	});

	it('knows who is still waiting in the lobby', () => {
		expect(VISIT_STATUSES.filter(isAwaitingDecision)).toEqual(['waiting_host', 'at_desk']);
	});
});

describe('the host’s time to answer', () => {
	it('gives the host the site’s consent minutes', () => {
		expect(consentDeadline(created, 3)).toEqual(minutes(3));
		expect(consentDeadline(created, 0)).toEqual(created);
		expect(() => consentDeadline(created, -1)).toThrow(RangeError);
		expect(() => consentDeadline(created, Number.NaN)).toThrow(RangeError);
	});

	it.each([
		['waiting_host', 2.99, null],
		['waiting_host', 3, 'at_desk'],
		['waiting_host', 60, 'at_desk'],
		['at_desk', 60, null],
		['approved', 60, null],
		['invited', 60, null]
	] as const)('a %s visit after %f minutes: %s', (status, after, next) => {
		expect(nextOnTimeout({ status, createdAt: created }, minutes(after), 3)).toBe(next);
	});

	it('hands over exactly when the deadline is reached, and stays handed over', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: -1e7, max: 1e7 }), (m, ms) => {
				const now = new Date(consentDeadline(created, m).getTime() + ms);
				const next = nextOnTimeout({ status: 'waiting_host', createdAt: created }, now, m);
				return (next === 'at_desk') === ms >= 0;
			})
		);
	});
});

describe('the end of the site’s day', () => {
	// 11:00 on 22 November in Shanghai.
	const now = new Date('2026-11-22T03:00:00Z');
	const yesterdayEvening = new Date('2026-11-21T12:00:00Z');
	const thisMorning = new Date('2026-11-22T01:00:00Z');

	it('cuts at the site’s midnight, not the server’s', () => {
		expect(endOfDayCutoff(now, SHANGHAI).toISOString()).toBe('2026-11-21T16:00:00.000Z');
		expect(endOfDayCutoff(now, 'UTC').toISOString()).toBe('2026-11-22T00:00:00.000Z');
	});

	const visit = (over: Partial<DayVisit>): DayVisit => ({
		status: 'approved',
		createdAt: yesterdayEvening,
		approvedAt: yesterdayEvening,
		visitDate: null,
		...over
	});

	it.each([
		['still in since yesterday', visit({}), 'auto_signed_out'],
		['in since this morning', visit({ createdAt: thisMorning, approvedAt: thisMorning }), null],
		['waiting since yesterday', visit({ status: 'waiting_host', approvedAt: null }), 'cancelled'],
		['at the desk since yesterday', visit({ status: 'at_desk', approvedAt: null }), 'cancelled'],
		[
			'waiting since this morning',
			visit({ status: 'waiting_host', createdAt: thisMorning, approvedAt: null }),
			null
		],
		['invited for yesterday', visit({ status: 'invited', visitDate: '2026-11-21' }), 'expired'],
		[
			'waiting since just before midnight, ten minutes on',
			visit({
				status: 'waiting_host',
				createdAt: new Date('2026-11-21T15:58:00Z'),
				approvedAt: null
			}),
			null,
			new Date('2026-11-21T16:08:00Z')
		],
		[
			'waiting since just before midnight, over two hours on',
			visit({
				status: 'waiting_host',
				createdAt: new Date('2026-11-21T15:58:00Z'),
				approvedAt: null
			}),
			'cancelled',
			new Date('2026-11-21T17:59:00Z')
		],
		['invited for today', visit({ status: 'invited', visitDate: '2026-11-22' }), null],
		['invited for tomorrow', visit({ status: 'invited', visitDate: '2026-11-23' }), null],
		['signed out yesterday', visit({ status: 'signed_out' }), null],
		['refused yesterday', visit({ status: 'refused', approvedAt: null }), null]
	] as const)('a visit %s: %s', (_, v, outcome, at?: Date) => {
		expect(endOfDayOutcome(v, at ?? now, SHANGHAI)).toBe(outcome);
	});

	it('only ever makes a move the lifecycle allows', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...VISIT_STATUSES),
				fc.date({ min: new Date('2026-01-01'), max: new Date('2026-12-31'), noInvalidDate: true }),
				fc.integer({ min: -3, max: 3 }),
				(status, at, dayOffset) => {
					const date = new Date(at.getTime() + dayOffset * 86_400_000).toISOString().slice(0, 10);
					const v = { status, createdAt: at, approvedAt: at, visitDate: date };
					const outcome = endOfDayOutcome(v, now, SHANGHAI);
					return outcome === null || canMove(status, outcome);
				}
			)
		);
	});
});

describe('what the kiosk tells the visitor', () => {
	it.each([
		['waiting_host', 'visitorOutcomeWaiting'],
		['at_desk', 'visitorOutcomeAskDesk'],
		['approved', 'visitorOutcomeApproved'],
		['refused', 'visitorOutcomeRefused'],
		['signed_out', 'visitorOutcomeSignedOut'],
		['auto_signed_out', 'visitorOutcomeSignedOut'],
		['cancelled', 'visitorOutcomeAskDesk']
	] as const)('%s: %s', (status, words) => {
		expect(visitOutcomeForKiosk(status)).toBe(words);
	});

	it('shows a blocked visitor only what any other visitor sees at that moment', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 40 * 60 }), (m, s) => {
				const now = new Date(created.getTime() + s * 1000);
				const blocked = statusShownAtKiosk(
					{ status: 'at_desk', atDeskReason: 'visitor_blocked', createdAt: created },
					now,
					m
				);
				// An ordinary visitor: still waiting before the deadline, handed to the desk after it.
				const ordinary = nextOnTimeout({ status: 'waiting_host', createdAt: created }, now, m)
					? statusShownAtKiosk(
							{ status: 'at_desk', atDeskReason: 'host_silent', createdAt: created },
							now,
							m
						)
					: 'waiting_host';
				return visitOutcomeForKiosk(blocked) === visitOutcomeForKiosk(ordinary);
			})
		);
	});

	it('uses the same words whatever sent a visit to the desk, once the deadline passed', () => {
		const late = minutes(10);
		const words = AT_DESK_REASONS.map((atDeskReason) =>
			visitOutcomeForKiosk(
				statusShownAtKiosk({ status: 'at_desk', atDeskReason, createdAt: created }, late, 3)
			)
		);
		expect(new Set(words)).toEqual(new Set(['visitorOutcomeAskDesk']));
	});

	it('shows a desk takeover at once: staff chose to speak to the visitor', () => {
		expect(
			statusShownAtKiosk(
				{ status: 'at_desk', atDeskReason: 'desk_takeover', createdAt: created },
				minutes(1),
				3
			)
		).toBe('at_desk');
	});
});
