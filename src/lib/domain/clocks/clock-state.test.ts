import { describe, expect, it } from 'vitest';
import { clockBand, clockStateAt, mostUrgent, type ClockInstants } from './clock-state.js';

const MIN = 60_000;
const now = 1_000 * MIN;

function clock(over: Partial<ClockInstants> & { id?: string }): ClockInstants & { id?: string } {
	return {
		deadline: null,
		atRiskAt: null,
		stoppedAt: null,
		pausedAt: null,
		pausedLeftMs: null,
		...over
	};
}

describe('a clock at an instant', () => {
	it.each([
		[
			'running, over an hour left',
			clock({ deadline: now + 90 * MIN, atRiskAt: now + 60 * MIN }),
			'running',
			'calm'
		],
		[
			'running, under an hour left',
			clock({ deadline: now + 45 * MIN, atRiskAt: now + 30 * MIN }),
			'running',
			'hour'
		],
		[
			'amber, under half an hour left',
			clock({ deadline: now + 10 * MIN, atRiskAt: now - MIN }),
			'at_risk',
			'half_hour'
		],
		[
			'red once the deadline passes',
			clock({ deadline: now - 5 * MIN, atRiskAt: now - 20 * MIN }),
			'breached',
			'late'
		],
		[
			'paused, time left frozen',
			clock({ pausedAt: now - 50 * MIN, pausedLeftMs: 7 * MIN }),
			'paused',
			'paused'
		],
		[
			'met when stopped before the deadline',
			clock({ deadline: now, stoppedAt: now - MIN }),
			'met',
			'done'
		]
	])('%s', (_, c, state, band) => {
		const s = clockStateAt(c, now);
		expect(s.state).toBe(state);
		expect(clockBand(s)).toBe(band);
	});

	it('says how late a breached clock is, counting down into negative time', () => {
		expect(clockStateAt(clock({ deadline: now - 5 * MIN }), now)).toEqual({
			state: 'breached',
			leftMs: -5 * MIN,
			lateMs: 5 * MIN
		});
		expect(clockStateAt(clock({ deadline: now - 9 * MIN, stoppedAt: now - 2 * MIN }), now)).toEqual(
			{ state: 'breached', leftMs: null, lateMs: 7 * MIN }
		);
	});

	it('keeps a clock that breached before it paused red', () => {
		expect(
			clockStateAt(
				clock({ deadline: now - 9 * MIN, pausedAt: now - 4 * MIN, pausedLeftMs: -5 * MIN }),
				now
			).state
		).toBe('breached');
	});
});

describe('the most urgent clock of a ticket', () => {
	it('is the latest breach, then the least time left, then paused ones; finished ones never', () => {
		const soon = clock({ id: 'soon', deadline: now + 5 * MIN });
		const later = clock({ id: 'later', deadline: now + 50 * MIN });
		const paused = clock({ id: 'paused', pausedAt: now, pausedLeftMs: MIN });
		const late = clock({ id: 'late', deadline: now - 30 * MIN });
		const done = clock({ id: 'done', deadline: now - 60 * MIN, stoppedAt: now - 10 * MIN });
		expect(mostUrgent([later, soon, paused])?.id).toBe('soon');
		expect(mostUrgent([later, late, soon, done])?.id).toBe('late');
		expect(mostUrgent([paused, done])?.id).toBe('paused');
		expect(mostUrgent([done])).toBeNull();
	});
});
