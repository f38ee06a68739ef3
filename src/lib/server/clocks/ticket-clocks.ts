/**
 * Keeps `ticket_clocks` in step with a ticket's timeline: after every event of the ticket, in the
 * same transaction, the engine judges its clocks again with the site's current rules.
 */
import { and, asc, desc, eq, inArray, isNull, ne, notInArray, sql } from 'drizzle-orm';
import { clockRuns, type ClockRun } from '../../domain/clocks/clock-runs.js';
import type { PublicClock } from '../../domain/public-ticket.js';
import type { ClockDetail } from '../../domain/clocks/clock-detail.js';
import type { Queryable } from '../db/client.js';
import { events, ticketClocks, tickets } from '../db/schema/index.js';
import { loadClockRules, type SiteClockRules } from './site-clock-rules.js';

const at = (ms: number | null) => (ms === null ? null : new Date(ms));

function rowOf(siteId: string, ticketId: string, run: ClockRun) {
	return {
		ticketId,
		clockKey: run.key,
		cycle: run.cycle,
		siteId,
		policyVersion: run.policyVersion,
		measure: run.measure,
		targetMs: run.targetMs,
		startedAt: new Date(run.startedAt),
		stoppedAt: at(run.stoppedAt),
		pausedAt: at(run.pausedAt),
		pausedLeftMs: run.pausedLeftMs,
		deadlineAt: at(run.deadline),
		atRiskAt: at(run.atRiskAt),
		escalateTo: [...run.escalateTo]
	};
}

/**
 * Judges one ticket's clocks again and stores the result; returns the runs.
 *
 * Called with the site's stream row locked, so every round trip here is one every other change
 * of the site waits for: the independent reads go out together, and so do the two writes
 * (postgres.js pipelines queries issued together on a transaction's connection).
 */
export async function refreshTicketClocks(
	db: Queryable,
	siteId: string,
	ticketId: string,
	rules?: SiteClockRules
): Promise<ClockRun[]> {
	const [[ticket], timeline, { policy, calendar }] = await Promise.all([
		db
			.select({
				type: tickets.type,
				category: tickets.category,
				priority: tickets.priority,
				flags: tickets.flags
			})
			.from(tickets)
			.where(eq(tickets.id, ticketId)),
		db
			.select({ type: events.type, at: events.at, data: events.data })
			.from(events)
			.where(eq(events.ticketId, ticketId))
			.orderBy(asc(events.seq)),
		rules ?? loadClockRules(db, siteId)
	]);
	if (!ticket) return [];
	const runs = clockRuns(
		policy,
		calendar,
		ticket,
		timeline.map((e) => ({ type: e.type, at: e.at.getTime(), data: e.data }))
	);

	// A run that has stopped keeps the judgement it stopped under (its policy version, its
	// deadline, its escalation): later rules apply to the clocks still running.
	const kept = runs.map((r) => `${r.key}#${r.cycle}`);
	const stale = db
		.delete(ticketClocks)
		.where(
			and(
				eq(ticketClocks.ticketId, ticketId),
				isNull(ticketClocks.stoppedAt),
				kept.length
					? notInArray(sql`${ticketClocks.clockKey} || '#' || ${ticketClocks.cycle}`, kept)
					: undefined
			)
		);
	if (runs.length === 0) {
		await stale;
		return runs;
	}
	const judged = db
		.insert(ticketClocks)
		.values(runs.map((r) => rowOf(siteId, ticketId, r)))
		.onConflictDoUpdate({
			target: [ticketClocks.ticketId, ticketClocks.clockKey, ticketClocks.cycle],
			set: {
				policyVersion: sql`excluded.policy_version`,
				measure: sql`excluded.measure`,
				targetMs: sql`excluded.target_ms`,
				startedAt: sql`excluded.started_at`,
				stoppedAt: sql`excluded.stopped_at`,
				pausedAt: sql`excluded.paused_at`,
				pausedLeftMs: sql`excluded.paused_left_ms`,
				deadlineAt: sql`excluded.deadline_at`,
				atRiskAt: sql`excluded.at_risk_at`,
				escalateTo: sql`excluded.escalate_to`,
				// Only a promise pushed back into the future (a new policy, a calendar change) may
				// turn amber or red again; one still past stays escalated once.
				warnedAt: sql`case when excluded.at_risk_at > now() then null else ${ticketClocks.warnedAt} end`,
				breachedAt: sql`case when excluded.deadline_at > now() then null else ${ticketClocks.breachedAt} end`
			},
			setWhere: isNull(ticketClocks.stoppedAt)
		});
	// The runs deleted are never among those upserted: the two can go out together.
	await Promise.all([stale, judged]);
	return runs;
}

/**
 * Every ticket of the site that is not closed judged again, after its policy or calendar changed
 * (a resolved ticket still owes its follow-up). Returns those that have clocks.
 */
export async function refreshSiteClocks(
	db: Queryable,
	siteId: string
): Promise<{ id: string; serial: string }[]> {
	const rules = await loadClockRules(db, siteId);
	const live = await db
		.select({ id: tickets.id, serial: tickets.serial })
		.from(tickets)
		.where(and(eq(tickets.siteId, siteId), ne(tickets.status, 'closed')));
	const timed: { id: string; serial: string }[] = [];
	for (const ticket of live) {
		const runs = await refreshTicketClocks(db, siteId, ticket.id, rules);
		if (runs.length > 0) timed.push(ticket);
	}
	return timed;
}

const ms = (d: Date | null) => (d === null ? null : d.getTime());

/** The latest run of each clock of these tickets, oldest start first. */
function latestRuns(db: Queryable, ticketIds: readonly string[]) {
	return db
		.selectDistinctOn([ticketClocks.ticketId, ticketClocks.clockKey])
		.from(ticketClocks)
		.where(inArray(ticketClocks.ticketId, [...ticketIds]))
		.orderBy(ticketClocks.ticketId, ticketClocks.clockKey, desc(ticketClocks.cycle))
		.then((rows) => rows.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime()));
}

type RunRow = typeof ticketClocks.$inferSelect;

function publicClock(row: RunRow): PublicClock {
	return {
		key: row.clockKey,
		deadline: ms(row.deadlineAt),
		atRiskAt: ms(row.atRiskAt),
		stoppedAt: ms(row.stoppedAt),
		pausedAt: ms(row.pausedAt),
		pausedLeftMs: row.pausedLeftMs
	};
}

/** The latest run of each clock of these tickets, as every audience may see it. */
export async function latestClocks(
	db: Queryable,
	ticketIds: readonly string[]
): Promise<Map<string, PublicClock[]>> {
	const byTicket = new Map<string, PublicClock[]>();
	if (ticketIds.length === 0) return byTicket;
	for (const row of await latestRuns(db, ticketIds)) {
		const list = byTicket.get(row.ticketId) ?? [];
		list.push(publicClock(row));
		byTicket.set(row.ticketId, list);
	}
	return byTicket;
}

export async function ticketClockDetails(db: Queryable, ticketId: string): Promise<ClockDetail[]> {
	return (await latestRuns(db, [ticketId])).map((row) => ({
		...publicClock(row),
		cycle: row.cycle,
		policyVersion: row.policyVersion,
		startedAt: row.startedAt.getTime(),
		escalateTo: row.escalateTo,
		breachedAt: ms(row.breachedAt)
	}));
}
