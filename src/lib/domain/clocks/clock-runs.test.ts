import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE_SETTINGS } from '../site-settings.js';
import type { TicketType } from '../vocabulary.js';
import { clockRuns, type ClockRun, type TimelineEvent } from './clock-runs.js';
import { clockStateAt } from './clock-state.js';
import { seedPolicy } from './policy.js';
import { cnCalendar, sh } from './test-calendars.js';

const MIN = 60_000;
const office = cnCalendar();
const policy = seedPolicy(DEFAULT_SITE_SETTINGS);

function ev(type: string, wall: string, data: Record<string, unknown> = {}): TimelineEvent {
	return { type, at: sh(wall), data };
}
/** A workflow step, carrying the statuses it moved between as the server records them. */
function step(type: string, wall: string, from: string, to: string, extra = {}): TimelineEvent {
	return ev(type, wall, { from, to, ...extra });
}

function runs(type: TicketType, timeline: TimelineEvent[], p = policy): ClockRun[] {
	return clockRuns(p, office, { type, category: 'x', priority: 'normal', flags: [] }, timeline);
}
function run(type: TicketType, key: string, timeline: TimelineEvent[], p = policy): ClockRun {
	const found = runs(type, timeline, p).filter((r) => r.key === key);
	const last = found.at(-1);
	if (!last) throw new Error(`no ${key} run`);
	return last;
}

describe('repair arrival (seed 004)', () => {
	it.each([
		['within the office day on a Friday', '2026-11-20 17:29', '2026-11-20 17:49'],
		['a minute after it closes', '2026-11-20 17:31', '2026-11-20 18:31'],
		['exactly at closing', '2026-11-20 17:30', '2026-11-20 18:30'],
		['before it opens', '2026-11-20 07:59', '2026-11-20 08:59'],
		['on a Saturday', '2026-11-21 10:00', '2026-11-21 11:00'],
		['on a public holiday (National Day)', '2026-10-02 10:00', '2026-10-02 11:00'],
		['on a make-up working Saturday', '2026-10-10 10:00', '2026-10-10 10:20']
	])('filed %s: due by the target of that moment', (_, filed, due) => {
		const r = run('repair', 'repair_arrival', [ev('ticket.filed', filed)]);
		expect(r.deadline).toBe(sh(due));
	});

	it('is met when the engineer marks on site in time, breached with how late otherwise', () => {
		const filed = ev('ticket.filed', '2026-11-20 10:00');
		const inTime = run('repair', 'repair_arrival', [
			filed,
			step('ticket.on_site', '2026-11-20 10:19', 'accepted', 'in_progress')
		]);
		expect(clockStateAt(inTime, sh('2026-11-20 12:00'))).toMatchObject({ state: 'met' });
		const late = run('repair', 'repair_arrival', [
			filed,
			step('ticket.on_site', '2026-11-20 10:25', 'accepted', 'in_progress')
		]);
		expect(clockStateAt(late, sh('2026-11-20 12:00'))).toEqual({
			state: 'breached',
			leftMs: null,
			lateMs: 5 * MIN
		});
	});

	it('waiting for the owner stops the clock; it resumes where it stopped', () => {
		const timeline = [
			ev('ticket.filed', '2026-11-20 09:00'),
			step('ticket.waiting_owner', '2026-11-20 09:05', 'accepted', 'waiting_owner'),
			step('ticket.resumed', '2026-11-20 10:05', 'waiting_owner', 'accepted')
		];
		const paused = run('repair', 'repair_arrival', timeline.slice(0, 2));
		expect(clockStateAt(paused, sh('2026-11-20 11:00'))).toEqual({
			state: 'paused',
			leftMs: 15 * MIN,
			lateMs: null
		});
		expect(paused.deadline).toBeNull();
		const resumed = run('repair', 'repair_arrival', timeline);
		expect(resumed.deadline).toBe(sh('2026-11-20 10:20'));
	});

	it('any step out of waiting resumes it, a step that stays waiting does not', () => {
		const timeline = [
			ev('ticket.filed', '2026-11-20 09:00'),
			step('ticket.waiting_owner', '2026-11-20 09:05', 'accepted', 'waiting_owner'),
			step('ticket.assigned', '2026-11-20 09:30', 'waiting_owner', 'waiting_owner')
		];
		expect(run('complaint', 'complaint_reply', timeline).pausedAt).toBe(sh('2026-11-20 09:30'));
		timeline.push(step('ticket.resolved', '2026-11-20 10:00', 'waiting_owner', 'resolved'));
		const resumed = run('complaint', 'complaint_reply', timeline);
		expect(resumed.pausedAt).toBeNull();
		expect(resumed.deadline).toBe(sh('2026-11-20 11:55'));
	});

	it('stops when the repair is resolved without a visit', () => {
		const r = run('repair', 'repair_arrival', [
			ev('ticket.filed', '2026-11-20 09:00'),
			step('ticket.resolved', '2026-11-20 09:10', 'accepted', 'resolved')
		]);
		expect(clockStateAt(r, sh('2026-11-20 12:00')).state).toBe('met');
	});
});

describe('complaints (seeds 000, 001)', () => {
	const filed = ev('ticket.filed', '2026-11-20 10:00');
	const reply = (wall: string, next?: string) =>
		step('ticket.contacted', wall, 'accepted', 'accepted', {
			kind: 'reply',
			...(next ? { nextReplyAt: new Date(sh(next)).toISOString() } : {})
		});

	it('owes a reply within two hours; a call that is not a reply does not stop it', () => {
		const call = step('ticket.contacted', '2026-11-20 10:30', 'accepted', 'accepted', {
			kind: 'call'
		});
		const r = run('complaint', 'complaint_reply', [filed, call]);
		expect(r.deadline).toBe(sh('2026-11-20 12:00'));
		expect(r.stoppedAt).toBeNull();
		expect(clockStateAt(r, sh('2026-11-20 11:30'))).toMatchObject({ state: 'at_risk' });
		expect(clockStateAt(r, sh('2026-11-20 11:29'))).toMatchObject({ state: 'running' });
	});

	it('times the next reply to the moment agreed with the owner, again for every new agreement', () => {
		const timeline = [filed, reply('2026-11-20 11:00', '2026-11-21 15:00')];
		expect(run('complaint', 'complaint_reply', timeline).stoppedAt).toBe(sh('2026-11-20 11:00'));
		const next = run('complaint', 'complaint_next_reply', timeline);
		expect(next.deadline).toBe(sh('2026-11-21 15:00'));
		timeline.push(reply('2026-11-21 16:00', '2026-11-23 10:00'));
		const runsNow = runs('complaint', timeline).filter((r) => r.key === 'complaint_next_reply');
		expect(runsNow.map((r) => r.cycle)).toEqual([1, 2]);
		expect(clockStateAt(runsNow[0]!, sh('2026-11-22 00:00'))).toEqual({
			state: 'breached',
			leftMs: null,
			lateMs: 60 * MIN
		});
		expect(runsNow[1]!.deadline).toBe(sh('2026-11-23 10:00'));
	});

	it('a reply with no agreed time starts no next-reply clock', () => {
		const all = runs('complaint', [filed, reply('2026-11-20 11:00')]);
		expect(all.some((r) => r.key === 'complaint_next_reply')).toBe(false);
	});

	it('is followed up within 24 hours of resolution; a reopen and a second resolution start it again', () => {
		const timeline = [
			filed,
			reply('2026-11-20 11:00'),
			step('ticket.resolved', '2026-11-20 16:00', 'in_progress', 'resolved'),
			step('ticket.followed_up', '2026-11-21 09:00', 'resolved', 'reopened', {
				satisfaction: 'dissatisfied'
			}),
			step('ticket.resolved', '2026-11-23 11:00', 'reopened', 'resolved')
		];
		const followUps = runs('complaint', timeline).filter((r) => r.key === 'complaint_follow_up');
		expect(followUps).toHaveLength(2);
		expect(clockStateAt(followUps[0]!, sh('2026-11-23 12:00')).state).toBe('met');
		expect(followUps[1]!.deadline).toBe(sh('2026-11-24 11:00'));
	});
});

describe('follow-ups counted in working days', () => {
	it('repair: two working days after resolution, across the National Day week', () => {
		const r = run('repair', 'repair_follow_up', [
			ev('ticket.filed', '2026-09-30 09:00'),
			step('ticket.resolved', '2026-09-30 10:00', 'in_progress', 'resolved')
		]);
		expect(r.deadline).toBe(sh('2026-10-09 10:00'));
	});

	it('paid service: 24 hours or 2 working days after the owner accepts, as the site chose', () => {
		const timeline = [
			ev('ticket.filed', '2026-11-20 09:00'),
			step('ticket.resolved', '2026-11-20 09:30', 'in_progress', 'resolved'),
			step('ticket.owner_accepted', '2026-11-20 10:00', 'resolved', 'resolved')
		];
		expect(run('paid_service', 'paid_service_follow_up', timeline).deadline).toBe(
			sh('2026-11-21 10:00')
		);
		const twoDays = seedPolicy({ ...DEFAULT_SITE_SETTINGS, paidServiceFollowUp: '2wd' });
		expect(run('paid_service', 'paid_service_follow_up', timeline, twoDays).deadline).toBe(
			sh('2026-11-24 10:00')
		);
	});
});

describe('emergencies (seed 001)', () => {
	it('must be taken within the site’s minutes; the run names the policy version', () => {
		const r = run('emergency', 'emergency_acknowledge', [
			ev('ticket.filed', '2026-11-20 03:00'),
			step('ticket.claimed', '2026-11-20 03:01', 'new', 'accepted')
		]);
		expect(r.deadline).toBe(sh('2026-11-20 03:02'));
		expect(r.policyVersion).toBe(1);
		expect(r.escalateTo).toEqual(['supervisor', 'director']);
		expect(clockStateAt(r, sh('2026-11-20 04:00')).state).toBe('met');
	});

	it('gives other types none of the emergency’s clocks', () => {
		expect(runs('consultation', [ev('ticket.filed', '2026-11-20 10:00')])).toEqual([]);
		expect(runs('repair', [ev('ticket.filed', '2026-11-20 10:00')]).map((r) => r.key)).toEqual([
			'repair_arrival'
		]);
	});
});

describe('at risk', () => {
	it('turns amber at 15 minutes left or a quarter of the target, whichever comes first', () => {
		const twoHours = run('complaint', 'complaint_reply', [ev('ticket.filed', '2026-11-20 10:00')]);
		expect(twoHours.atRiskAt).toBe(sh('2026-11-20 11:30'));
		const twenty = run('repair', 'repair_arrival', [ev('ticket.filed', '2026-11-20 10:00')]);
		expect(twenty.atRiskAt).toBe(sh('2026-11-20 10:05'));
	});
});

describe('pausing, for any timeline', () => {
	const start = sh('2026-11-16 00:00');
	const offset = fc.integer({ min: 0, max: 10 * 24 * 60 }).map((m) => start + m * MIN);

	it('never brings a deadline closer, on the calendar or in working time', () => {
		fc.assert(
			fc.property(
				fc.constantFrom<TicketType>('repair', 'complaint'),
				offset,
				offset,
				offset,
				(type, filedAt, a, b) => {
					const [pauseAt, resumeAt] = a <= b ? [a, b] : [b, a];
					const filed: TimelineEvent = { type: 'ticket.filed', at: filedAt, data: {} };
					const resolved: TimelineEvent = {
						type: 'ticket.resolved',
						at: filedAt,
						data: { from: 'accepted', to: 'resolved' }
					};
					const base = [filed, resolved];
					const pause: TimelineEvent[] = [
						{
							type: 'ticket.waiting_owner',
							at: Math.max(pauseAt, filedAt),
							data: { from: 'accepted', to: 'waiting_owner' }
						},
						{
							type: 'ticket.resumed',
							at: Math.max(resumeAt, filedAt),
							data: { from: 'waiting_owner', to: 'accepted' }
						}
					];
					const without = runs(type, base);
					const withPause = runs(type, [...base, ...pause]);
					without.forEach((r, i) => {
						const other = withPause[i];
						expect(other?.key).toBe(r.key);
						expect(other?.deadline ?? Infinity).toBeGreaterThanOrEqual(r.deadline ?? Infinity);
						expect(other?.atRiskAt ?? Infinity).toBeGreaterThanOrEqual(r.atRiskAt ?? Infinity);
					});
				}
			),
			{ numRuns: 150 }
		);
	});

	it('never turns amber after red', () => {
		fc.assert(
			fc.property(
				fc.constantFrom<TicketType>('repair', 'complaint', 'emergency'),
				offset,
				(type, at) => {
					for (const r of runs(type, [{ type: 'ticket.filed', at, data: {} }])) {
						expect(r.atRiskAt ?? 0).toBeLessThanOrEqual(r.deadline ?? Infinity);
					}
				}
			),
			{ numRuns: 100 }
		);
	});
});

describe('clocks that start while the ticket waits', () => {
	it('start paused, and run from the moment the wait ends', () => {
		const timeline = [
			ev('ticket.filed', '2026-11-20 09:00'),
			step('ticket.contacted', '2026-11-20 09:30', 'accepted', 'accepted', { kind: 'reply' }),
			step('ticket.waiting_owner', '2026-11-20 10:00', 'accepted', 'waiting_owner'),
			step('ticket.resolved', '2026-11-20 11:00', 'waiting_owner', 'resolved')
		];
		// The follow-up starts with the resolution, which also ends the wait: it runs at once.
		const followUp = run('complaint', 'complaint_follow_up', timeline);
		expect(followUp.pausedAt).toBeNull();
		expect(followUp.deadline).toBe(sh('2026-11-21 11:00'));

		// A repair's follow-up owed while the ticket is still waiting stays paused.
		const repair = run('repair', 'repair_follow_up', [
			ev('ticket.filed', '2026-11-20 09:00'),
			step('ticket.waiting_owner', '2026-11-20 09:10', 'accepted', 'waiting_owner'),
			{
				type: 'ticket.resolved',
				at: sh('2026-11-20 09:20'),
				data: { from: 'x', to: 'waiting_owner' }
			}
		]);
		expect(repair.pausedAt).toBe(sh('2026-11-20 09:20'));
		expect(repair.deadline).toBeNull();
	});

	it('an agreed next-reply time stands while the ticket waits for the owner', () => {
		const next = run('complaint', 'complaint_next_reply', [
			ev('ticket.filed', '2026-11-20 09:00'),
			step('ticket.contacted', '2026-11-20 09:30', 'accepted', 'accepted', {
				kind: 'reply',
				nextReplyAt: new Date(sh('2026-11-20 15:00')).toISOString()
			}),
			step('ticket.waiting_owner', '2026-11-20 10:00', 'accepted', 'waiting_owner')
		]);
		expect(next.pausedAt).toBeNull();
		expect(next.deadline).toBe(sh('2026-11-20 15:00'));
	});
});

describe('a paused working-time clock', () => {
	it('shows the time it would count down were it resumed, like a running one', () => {
		// Resolved Friday 15:30; waiting for the owner from 16:30: 1 working hour used, 18 of 19
		// left. Resumed at once it would be due Tuesday 15:30, 95 hours away on the wall.
		const r = run('repair', 'repair_follow_up', [
			ev('ticket.filed', '2026-11-20 09:00'),
			step('ticket.resolved', '2026-11-20 15:30', 'accepted', 'resolved'),
			{ type: 'ticket.waiting_owner', at: sh('2026-11-20 16:30'), data: { to: 'waiting_owner' } }
		]);
		expect(r.pausedAt).toBe(sh('2026-11-20 16:30'));
		expect(r.pausedLeftMs).toBe(sh('2026-11-24 15:30') - sh('2026-11-20 16:30'));
	});
});
