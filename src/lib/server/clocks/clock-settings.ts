/**
 * Changing a site's service policy or working calendar. Each change is on record, applies to
 * every ticket that is not closed at once, and each such ticket's timeline says so (with the
 * policy version that now judges its clocks).
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { IcsDay } from '../../domain/clocks/ics-days.js';
import type { AtRiskRule, ClockDefinition } from '../../domain/clocks/policy.js';
import type { WeeklyHours } from '../../domain/site-settings.js';
import type { CalendarDayKind } from '../../domain/vocabulary.js';
import type { Database, Queryable } from '../db/client.js';
import { servicePolicies, siteCalendarDays, sites, staffUsers } from '../db/schema/index.js';
import { appendEvent, lockSiteStream, type Actor } from '../event-log.js';
import { loadClockRules, markRulesChanged } from './site-clock-rules.js';
import { refreshSiteClocks } from './ticket-clocks.js';

export interface Rejudged {
	/** The policy version that now judges the site's clocks. */
	version: number;
	/** Tickets whose clocks were judged again. */
	tickets: number;
}

/** Judges every ticket's clocks again and writes one timeline line on each that has clocks. */
async function rejudgeSite(
	tx: Queryable,
	siteId: string,
	actor: Actor,
	cause: 'policy' | 'calendar'
): Promise<Rejudged> {
	const { policy } = await loadClockRules(tx, siteId);
	const timed = await refreshSiteClocks(tx, siteId);
	for (const ticket of timed) {
		await appendEvent(tx, {
			siteId,
			ticketId: ticket.id,
			type: 'clock.rejudged',
			actor,
			data: { serial: ticket.serial, policyVersion: policy.version, cause }
		});
	}
	return { version: policy.version, tickets: timed.length };
}

export async function publishPolicy(
	db: Database,
	siteId: string,
	staffId: string,
	edit: { atRisk: AtRiskRule; clocks: ClockDefinition[] }
): Promise<Rejudged> {
	return db.transaction(async (tx) => {
		await lockSiteStream(tx, siteId);
		const { policy } = await loadClockRules(tx, siteId);
		const version = policy.version + 1;
		await tx.insert(servicePolicies).values({
			siteId,
			version,
			atRisk: edit.atRisk,
			clocks: edit.clocks,
			createdByStaffId: staffId
		});
		const actor: Actor = { kind: 'staff', staffId };
		await appendEvent(tx, { siteId, type: 'site.policy_published', actor, data: { version } });
		await markRulesChanged(tx, siteId);
		return rejudgeSite(tx, siteId, actor, 'policy');
	});
}

export interface PolicyVersion {
	version: number;
	createdAt: Date;
	createdBy: string | null;
}

export function policyHistory(db: Queryable, siteId: string): Promise<PolicyVersion[]> {
	return db
		.select({
			version: servicePolicies.version,
			createdAt: servicePolicies.createdAt,
			createdBy: staffUsers.displayName
		})
		.from(servicePolicies)
		.leftJoin(staffUsers, eq(staffUsers.id, servicePolicies.createdByStaffId))
		.where(eq(servicePolicies.siteId, siteId))
		.orderBy(desc(servicePolicies.version));
}

export interface CalendarDay {
	day: string;
	kind: CalendarDayKind;
	name: string;
}

/** The site's holidays and make-up days, in order. */
export async function calendarDays(db: Queryable, siteId: string): Promise<CalendarDay[]> {
	return db
		.select({ day: siteCalendarDays.day, kind: siteCalendarDays.kind, name: siteCalendarDays.name })
		.from(siteCalendarDays)
		.where(eq(siteCalendarDays.siteId, siteId))
		.orderBy(asc(siteCalendarDays.day));
}

type CalendarChange =
	| { kind: 'hours'; hours: WeeklyHours }
	| { kind: 'set_day'; day: CalendarDay }
	| { kind: 'remove_day'; day: string }
	| { kind: 'import'; days: IcsDay[] };

/** Applies one change to the calendar, on record, and judges every ticket's clocks again. */
export async function changeCalendar(
	db: Database,
	siteId: string,
	staffId: string,
	change: CalendarChange
): Promise<Rejudged> {
	return db.transaction(async (tx) => {
		await lockSiteStream(tx, siteId);
		const data: Record<string, unknown> = { change: change.kind };
		switch (change.kind) {
			case 'hours':
				await tx.update(sites).set({ workingHours: change.hours }).where(eq(sites.id, siteId));
				break;
			case 'set_day':
			case 'import': {
				const days = change.kind === 'set_day' ? [change.day] : change.days;
				// In slices, well within the statement's parameter limit.
				for (let i = 0; i < days.length; i += 500) {
					await tx
						.insert(siteCalendarDays)
						.values(
							days
								.slice(i, i + 500)
								.map((d) => ({ siteId, day: d.day, kind: d.kind, name: d.name }))
						)
						.onConflictDoUpdate({
							target: [siteCalendarDays.siteId, siteCalendarDays.day],
							set: { kind: sql`excluded.kind`, name: sql`excluded.name` }
						});
				}
				data.days = days.length;
				if (change.kind === 'set_day') Object.assign(data, change.day);
				break;
			}
			case 'remove_day':
				await tx
					.delete(siteCalendarDays)
					.where(and(eq(siteCalendarDays.siteId, siteId), eq(siteCalendarDays.day, change.day)));
				data.day = change.day;
				break;
		}
		const actor: Actor = { kind: 'staff', staffId };
		await appendEvent(tx, { siteId, type: 'site.calendar_changed', actor, data });
		await markRulesChanged(tx, siteId);
		return rejudgeSite(tx, siteId, actor, 'calendar');
	});
}
