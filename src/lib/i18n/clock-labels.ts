import type { ClockStateName } from '../domain/clocks/clock-state.js';
import type { SeedClockKey } from '../domain/clocks/policy.js';
import type { Messages } from './messages.js';

/** The keys whose message is plain text. */
type TextKey = { [K in keyof Messages]: Messages[K] extends string ? K : never }[keyof Messages];

const NAME: Record<SeedClockKey, TextKey> = {
	emergency_acknowledge: 'clockEmergencyAcknowledge',
	repair_arrival: 'clockRepairArrival',
	complaint_reply: 'clockComplaintReply',
	complaint_next_reply: 'clockComplaintNextReply',
	complaint_follow_up: 'clockComplaintFollowUp',
	paid_service_follow_up: 'clockPaidServiceFollowUp',
	repair_follow_up: 'clockRepairFollowUp'
};

const STATE: Record<ClockStateName, TextKey> = {
	running: 'clockStateRunning',
	at_risk: 'clockStateAtRisk',
	paused: 'clockStatePaused',
	met: 'clockStateMet',
	breached: 'clockStateBreached'
};

/** A clock's name; a site's own clock without a translation shows its code. */
export function clockName(m: Messages, key: string): string {
	const name = NAME[key as SeedClockKey];
	return name ? (m[name] as string) : key;
}

export const clockStateLabel = (m: Messages, state: ClockStateName) => m[STATE[state]] as string;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A countdown for a wall read from across the lobby: `1:05:09` under a day, `2天3小时` beyond;
 * negative time (late) gets a real minus sign.
 */
export function formatCountdown(m: Messages, ms: number): string {
	const sign = ms < 0 ? '−' : '';
	const seconds = Math.floor(Math.abs(ms) / 1000);
	const hours = Math.floor(seconds / 3600);
	if (hours >= 24) return sign + m.clockDays({ days: Math.floor(hours / 24), hours: hours % 24 });
	return `${sign}${hours}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}
