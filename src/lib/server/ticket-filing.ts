/**
 * What filing a ticket reads and writes, in two statements. Everything that does not need the
 * site's counters is read first, with no lock held (`filingContext`); then one statement takes
 * the site's next event number and next serial and writes the ticket, its `ticket.filed` event,
 * its clocks and the notice (`filingStatement`). Outside a caller's transaction that statement
 * commits on its own, so the two counter rows stay locked for no round trip to the app at all.
 */
import { getTableColumns, sql } from 'drizzle-orm';
import type { ClockRun } from '../domain/clocks/clock-runs.js';
import type { CareFlag } from '../domain/vocabulary.js';
import { queryRows, type Queryable } from './db/client.js';
import { tickets } from './db/schema/index.js';
import { eventCte, eventNotice, streamCte, type Actor } from './event-log.js';
import type { Ticket } from './tickets.js';

export interface FilingContext {
	timeZone: string;
	/** The stamp of the site's clock rules when read (`markRulesChanged`). */
	rulesStamp: string | null;
	/** The ticket already filed with this idempotency key. */
	existingId: string | null;
	/** The unit's building, when a unit was given and is at the site. */
	unitBuildingId: string | null;
	householdId: string | null;
	careFlags: CareFlag[];
	/** The location's building is at the site (true when none was given). */
	buildingFound: boolean;
}

/** One read of all a filing needs before it takes the site's counters. */
export async function filingContext(
	db: Queryable,
	input: {
		siteId: string;
		unitId: string | null;
		buildingId: string | null;
		idempotencyKey: string | null;
	}
): Promise<FilingContext | null> {
	const [row] = await queryRows<{
		timeZone: string;
		rulesStamp: string | null;
		existingId: string | null;
		unitBuildingId: string | null;
		householdId: string | null;
		careFlags: string[] | null;
		buildingFound: boolean;
	}>(
		db,
		sql`select s.time_zone as "timeZone",
			(select rules_stamp from event_streams where site_id = s.id) as "rulesStamp",
			(select id from tickets where site_id = s.id and idempotency_key = ${input.idempotencyKey})
				as "existingId",
			u.building_id as "unitBuildingId", h.id as "householdId",
			array(select f::text from residents r cross join unnest(r.care_flags) f
				where r.household_id = h.id and r.left_at is null) as "careFlags",
			(${input.buildingId}::uuid is null or exists (
				select 1 from buildings b where b.id = ${input.buildingId}::uuid and b.site_id = s.id
			)) as "buildingFound"
		from sites s
		left join units u on u.id = ${input.unitId}::uuid and u.site_id = s.id
		left join households h on h.unit_id = u.id and h.moved_out_on is null
		where s.id = ${input.siteId}::uuid`
	);
	if (!row) return null;
	return {
		...row,
		// The union of the current residents' special-care flags, in one order whatever the database.
		careFlags: [...new Set(row.careFlags ?? [])].sort() as CareFlag[]
	};
}

/** A ticket row exactly as the tickets table's columns map what the driver returned. */
function ticketOf(row: Record<string, unknown>): Ticket {
	const entries = Object.entries(getTableColumns(tickets)).map(([key, column]) => {
		const value = row[column.name];
		return [key, value === null || value === undefined ? null : column.mapFromDriverValue(value)];
	});
	return Object.fromEntries(entries) as Ticket;
}

export interface FilingRow {
	id: string;
	siteId: string;
	prefix: string;
	type: string;
	category: string;
	priority: string;
	channel: string;
	buildingId: string | null;
	unitId: string | null;
	householdId: string | null;
	reporterResidentId: string | null;
	reporterName: string | null;
	reporterPhone: string | null;
	location: unknown;
	description: string;
	preferredAt: Date | null;
	careFlags: CareFlag[];
	details: Record<string, unknown>;
	createdByStaffId: string | null;
	createdByDeviceId: string | null;
	idempotencyKey: string | null;
	at: Date;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/**
 * Files the ticket in one statement; null when the site's clock rules are no longer those of
 * `rulesStamp` (nothing is written then: plan the clocks again). The order of the locks is the
 * stream row, then the day's serial counter.
 */
export async function filingStatement(
	db: Queryable,
	t: FilingRow,
	actor: Actor,
	rulesStamp: string | null,
	runs: readonly ClockRun[]
): Promise<Ticket | null> {
	const clocks = runs.map((r) => ({
		clock_key: r.key,
		cycle: r.cycle,
		policy_version: r.policyVersion,
		measure: r.measure,
		target_ms: r.targetMs,
		started_at: new Date(r.startedAt).toISOString(),
		stopped_at: r.stoppedAt === null ? null : new Date(r.stoppedAt).toISOString(),
		paused_at: r.pausedAt === null ? null : new Date(r.pausedAt).toISOString(),
		paused_left_ms: r.pausedLeftMs,
		deadline_at: r.deadline === null ? null : new Date(r.deadline).toISOString(),
		at_risk_at: r.atRiskAt === null ? null : new Date(r.atRiskAt).toISOString(),
		escalate_to: r.escalateTo
	}));
	const at = t.at.toISOString();
	const rows = await queryRows(
		db,
		sql`with ${streamCte(t.siteId, { rulesStamp })},
		counter as (
			insert into ticket_serials as c (site_id, prefix, last)
			select ${t.siteId}::uuid, ${t.prefix}, 1 from stream
			on conflict (site_id, prefix) do update set last = c.last + 1
			returning c.last
		),
		ticket as (
			insert into tickets (id, site_id, serial, type, category, priority, channel, building_id,
				unit_id, household_id, reporter_resident_id, reporter_name, reporter_phone, location,
				description, preferred_at, care_flags, details, created_by_staff_id,
				created_by_device_id, idempotency_key, created_at, updated_at)
			select ${t.id}::uuid, ${t.siteId}::uuid,
				${`${t.prefix}-`} || lpad(counter.last::text, greatest(3, length(counter.last::text)), '0'),
				${t.type}::ticket_type, ${t.category}, ${t.priority}::priority, ${t.channel}::channel,
				${t.buildingId}::uuid, ${t.unitId}::uuid, ${t.householdId}::uuid,
				${t.reporterResidentId}::uuid, ${t.reporterName}, ${t.reporterPhone},
				${t.location === null ? null : JSON.stringify(t.location)}::jsonb, ${t.description},
				${iso(t.preferredAt)}::timestamptz, ${`{${t.careFlags.join(',')}}`}::care_flag[],
				${JSON.stringify(t.details)}::jsonb, ${t.createdByStaffId}::uuid,
				${t.createdByDeviceId}::uuid, ${t.idempotencyKey}, ${at}::timestamptz, ${at}::timestamptz
			from counter
			returning *
		),
		${eventCte(
			{ siteId: t.siteId, type: 'ticket.filed', actor, at: t.at },
			sql`ticket.id`,
			sql`jsonb_build_object('serial', ticket.serial, 'type', ticket.type,
				'category', ticket.category, 'channel', ticket.channel)`,
			sql`stream, ticket`
		)},
		clocks as (
			insert into ticket_clocks (ticket_id, clock_key, cycle, site_id, policy_version, measure,
				target_ms, started_at, stopped_at, paused_at, paused_left_ms, deadline_at, at_risk_at,
				escalate_to)
			select ticket.id, r.clock_key, r.cycle, ticket.site_id, r.policy_version, r.measure,
				r.target_ms, r.started_at, r.stopped_at, r.paused_at, r.paused_left_ms, r.deadline_at,
				r.at_risk_at, r.escalate_to
			from ticket, jsonb_to_recordset(${JSON.stringify(clocks)}::jsonb) as r(clock_key text,
				cycle integer, policy_version integer, measure text, target_ms bigint,
				started_at timestamptz, stopped_at timestamptz, paused_at timestamptz,
				paused_left_ms bigint, deadline_at timestamptz, at_risk_at timestamptz,
				escalate_to text[])
		)
		select ticket.*, ${eventNotice(t.siteId)} as notice from ticket, event`
	);
	const [row] = rows;
	return row ? ticketOf(row) : null;
}
