import { TICKET_STATUSES, TICKET_TYPES, type TicketStatus, type TicketType } from './vocabulary.js';
import { needsFollowUp } from './ticket-workflow.js';

/**
 * The console's work lists. `new`: waiting to be taken on; `mine`: given to me; `team`: given to
 * anyone with my role; `open`: everything not closed; `follow_up`: resolved and owed a follow-up
 * call (回访); `at_risk`: a service clock amber or red, the least time left first; `escalated`:
 * open tickets escalated to the director (the owner dissatisfied at two follow-ups).
 */
export const QUEUES = ['new', 'mine', 'team', 'open', 'follow_up', 'at_risk', 'escalated'] as const;
export type Queue = (typeof QUEUES)[number];

/** Everything but closed: a declined ticket still owes a reply, a followed-up one a close. */
export const NOT_CLOSED: readonly TicketStatus[] = TICKET_STATUSES.filter((s) => s !== 'closed');

/** The ticket flag an escalation sets (`ticket-workflow.ts`). */
export const ESCALATED_FLAG = 'escalated';

export const FOLLOW_UP_TYPES: readonly TicketType[] = TICKET_TYPES.filter(needsFollowUp);

export interface QueueQuery {
	queue: Queue;
	type: TicketType | null;
	status: TicketStatus | null;
	/** Serial, home (e.g. `1-2-301` or `301`) or phone digits; searches closed tickets too. */
	search: string;
}

const pick = <T extends string>(list: readonly T[], value: string | null): T | null =>
	value && (list as readonly string[]).includes(value) ? (value as T) : null;

/** Reads the list's query string; anything unknown falls back to the default. */
export function parseQueueQuery(params: URLSearchParams): QueueQuery {
	return {
		queue: pick(QUEUES, params.get('queue')) ?? 'open',
		type: pick(TICKET_TYPES, params.get('type')),
		status: pick(TICKET_STATUSES, params.get('status')),
		search: (params.get('q') ?? '').trim().slice(0, 40)
	};
}

/** A search for a home: building, entrance and room as `1-2-301`, `1/2/301` or `1号楼2单元301`. */
export function parseHomeSearch(
	search: string
): { building: string; entrance: string; room: string } | null {
	const match = /^([A-Za-z0-9]{1,3})(?:号楼|[-/ ])(\d{1,2})(?:单元|[-/ ])(\d{1,5})室?$/.exec(
		search
	);
	if (!match) return null;
	const [, building = '', entrance = '', room = ''] = match;
	return { building, entrance, room };
}
