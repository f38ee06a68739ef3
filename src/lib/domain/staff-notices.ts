import { STAFF_ROLES, type StaffRole } from './vocabulary.js';

/**
 * What the console's notices (on whatever page a person is) make of one event of the live feed,
 * for one role. A service clock turning amber or red names the roles it escalates to; a ticket
 * escalated after the second dissatisfied follow-up (回访) is the director's, and the supervisor's,
 * who handles escalations first (DOMAIN.md, "Who uses it").
 */
export type StaffNotice =
	| { kind: 'clock'; id: string; serial: string; clock: string; breached: boolean }
	| { kind: 'escalated'; id: string; serial: string; reason: string | null }
	| {
			kind: 'owner';
			id: string;
			serial: string;
			said: 'dissatisfied' | 'quote_declined';
			text: string | null;
	  };

/** The event as the staff feed carries it (`StaffEvent`). */
export interface NoticeEvent {
	type: string;
	at: number;
	reason: string | null;
	data: Record<string, unknown>;
}

/**
 * Who is told when an owner, from their phone, rates the work dissatisfied or turns a quote down:
 * the desk that owes them the next call ("redo until satisfied", seed 003).
 */
export const OWNER_ANSWER_TOLD: readonly StaffRole[] = ['assistant', 'supervisor', 'director'];

/** Who is told, on every console page, that a ticket was escalated. */
export const ESCALATION_TOLD: readonly StaffRole[] = ['supervisor', 'director'];

const roles = (value: unknown): StaffRole[] =>
	Array.isArray(value)
		? value.filter((r): r is StaffRole => (STAFF_ROLES as readonly unknown[]).includes(r))
		: [];

export function noticeFor(event: NoticeEvent, role: StaffRole | null): StaffNotice | null {
	const serial = event.data.serial;
	if (role === null || typeof serial !== 'string' || !serial) return null;
	switch (event.type) {
		case 'clock.at_risk':
		case 'clock.breached': {
			if (!roles(event.data.to).includes(role)) return null;
			const clock = typeof event.data.clock === 'string' ? event.data.clock : '';
			return {
				kind: 'clock',
				id: `${event.type}:${serial}:${clock}:${event.at}`,
				serial,
				clock,
				breached: event.type === 'clock.breached'
			};
		}
		case 'ticket.escalated':
			if (!ESCALATION_TOLD.includes(role)) return null;
			return {
				kind: 'escalated',
				id: `${event.type}:${serial}:${event.at}`,
				serial,
				reason: event.reason?.trim() || null
			};
		case 'owner.rated':
		case 'quote.declined': {
			const said =
				event.type === 'quote.declined'
					? event.data.by === 'owner' && 'quote_declined'
					: event.data.rating === 'dissatisfied' && 'dissatisfied';
			if (!said || !OWNER_ANSWER_TOLD.includes(role)) return null;
			const comment = typeof event.data.comment === 'string' ? event.data.comment.trim() : '';
			return {
				kind: 'owner',
				id: `${event.type}:${serial}:${event.at}`,
				serial,
				said,
				text: comment || null
			};
		}
		default:
			return null;
	}
}
