import { eq, sql, type SQL } from 'drizzle-orm';
import type { ActorKind } from '../domain/vocabulary.js';
import { queryRows, type Queryable } from './db/client.js';
import { eventStreams } from './db/schema/index.js';
import { EVENTS_CHANNEL } from './realtime/channels.js';
import { refreshTicketClocks } from './clocks/ticket-clocks.js';

export interface Actor {
	kind: ActorKind;
	staffId?: string | null;
	deviceId?: string | null;
	residentId?: string | null;
}

export const SYSTEM: Actor = { kind: 'system' };

export interface NewEvent {
	siteId: string;
	ticketId?: string | null;
	type: string;
	actor: Actor;
	reason?: string | null;
	data?: Record<string, unknown>;
	at?: Date;
}

/**
 * Locks the site's event stream until the transaction ends. Work that changes many tickets' clocks
 * takes it first, as every ticket step does before touching its clocks, so the two never deadlock.
 */
export async function lockSiteStream(tx: Queryable, siteId: string): Promise<void> {
	await tx
		.select({ lastSeq: eventStreams.lastSeq })
		.from(eventStreams)
		.where(eq(eventStreams.siteId, siteId))
		.for('update');
}

/**
 * The CTE `stream`: the site's next sequence number (`last_seq`), its row locked until the
 * transaction ends. With `stamp`, only if the site's clock rules are still those of that stamp
 * (`markRulesChanged`): otherwise `stream` is empty, and so is everything taken from it.
 */
export function streamCte(siteId: string, stamp?: { rulesStamp: string | null }): SQL {
	const guard = stamp
		? sql` where s.rules_stamp is not distinct from ${stamp.rulesStamp}::uuid`
		: sql``;
	return sql`stream as (
		insert into event_streams as s (site_id, last_seq) values (${siteId}::uuid, 1)
		on conflict (site_id) do update set last_seq = s.last_seq + 1${guard}
		returning s.last_seq
	)`;
}

/**
 * The CTE `event`: inserts the event with `stream`'s number. Its ticket and data are SQL, so a
 * statement can take them from rows it writes itself; `from` names those (`stream` always).
 */
export function eventCte(
	event: Omit<NewEvent, 'ticketId' | 'data'>,
	ticketId: SQL,
	data: SQL,
	from: SQL
): SQL {
	const { actor } = event;
	return sql`event as (
		insert into events (site_id, seq, ticket_id, type, actor_kind, actor_staff_id,
			actor_device_id, actor_resident_id, reason, data, at)
		select ${event.siteId}::uuid, stream.last_seq, ${ticketId}, ${event.type},
			${actor.kind}::actor_kind, ${actor.staffId ?? null}::uuid, ${actor.deviceId ?? null}::uuid,
			${actor.residentId ?? null}::uuid, ${event.reason ?? null}, ${data},
			coalesce(${event.at?.toISOString() ?? null}::timestamptz, now())
		from ${from}
		returning seq
	)`;
}

/** Select-list item telling every app process, once the statement's transaction commits. */
export function eventNotice(siteId: string): SQL {
	return sql`pg_notify(${EVENTS_CHANNEL}, ${`${siteId}:`} || event.seq)`;
}

/**
 * Appends one event in the caller's transaction, so the record of a change exists exactly when
 * the change does, and tells every app process once it commits. Returns its sequence number
 * within the site. The number, the row and the notice are one statement: the site's stream row
 * is locked from then on, and every change of the site waits for each round trip made while it is.
 */
export async function appendEvent(tx: Queryable, event: NewEvent): Promise<number> {
	const [row] = await queryRows<{ seq: number | string }>(
		tx,
		sql`with ${streamCte(event.siteId)}, ${eventCte(
			event,
			sql`${event.ticketId ?? null}::uuid`,
			sql`${JSON.stringify(event.data ?? {})}::jsonb`,
			sql`stream`
		)}
		select event.seq, ${eventNotice(event.siteId)} from event`
	);
	if (!row) throw new Error('Event insert returned no row');
	const seq = Number(row.seq);
	// Every step of a ticket may start, pause or stop one of its clocks (a clock's own events do not).
	const ticketId = event.ticketId;
	if (ticketId && !event.type.startsWith('clock.')) {
		await refreshTicketClocks(tx, event.siteId, ticketId);
	}
	return seq;
}
