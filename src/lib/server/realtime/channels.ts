import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';

/**
 * NOTIFY channels between app processes. Sent inside the writing transaction, so Postgres (and
 * PGlite) deliver them after COMMIT and never after ROLLBACK. On `EVENTS_CHANNEL`,
 * `<siteId>:<seq>`: a site's event `seq` has committed (sent by `appendEvent`'s statement).
 */
export const EVENTS_CHANNEL = 'lobbydesk_events';
export const CONTROL_CHANNEL = 'lobbydesk_control';

/** Sessions, accounts and devices cut off: every process disconnects their sockets at once. */
export type ControlMessage =
	| { kind: 'sessions.ended'; sessionIds: string[] }
	| { kind: 'user.disabled'; userId: string }
	| { kind: 'device.revoked'; deviceId: string };

export async function notifyControl(tx: Queryable, message: ControlMessage): Promise<void> {
	await tx.execute(sql`select pg_notify(${CONTROL_CHANNEL}, ${JSON.stringify(message)})`);
}

export function parseEventNotice(payload: string): { siteId: string; seq: number } | null {
	const [siteId, seq] = payload.split(':');
	const n = Number(seq);
	return siteId && Number.isSafeInteger(n) ? { siteId, seq: n } : null;
}

export function parseControlNotice(payload: string): ControlMessage | null {
	try {
		const message = JSON.parse(payload) as ControlMessage;
		return typeof message?.kind === 'string' ? message : null;
	} catch {
		return null;
	}
}
