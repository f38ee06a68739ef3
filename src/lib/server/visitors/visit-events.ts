import type { Queryable } from '../db/client.js';
import { appendEvent, type Actor } from '../event-log.js';

/**
 * What a visit's events may carry: its id, pass number, status and counts, never the visitor's
 * name, phone or document. The event log is append-only; the visit row is the one place the
 * person's data lives, so anonymising it leaves nothing behind.
 */
export interface VisitEventData {
	visitId: string;
	status?: string;
	passNumber?: string | null;
	party?: number;
	/** Who should act: `desk` for the visitor desk. */
	to?: string[];
	/** How a decision was taken: by the host on their phone, or by the desk. */
	by?: 'host' | 'desk' | 'invitation';
	[key: string]: string | number | boolean | string[] | null | undefined;
}

export function appendVisitEvent(
	tx: Queryable,
	event: { siteId: string; type: string; actor: Actor; data: VisitEventData; at: Date }
): Promise<number> {
	return appendEvent(tx, {
		siteId: event.siteId,
		type: event.type,
		actor: event.actor,
		data: event.data,
		at: event.at
	});
}
