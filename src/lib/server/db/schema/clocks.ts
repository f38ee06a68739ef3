import { sql } from 'drizzle-orm';
import {
	bigint,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	unique,
	uuid
} from 'drizzle-orm/pg-core';
import type { AtRiskRule, ClockDefinition } from '../../../domain/clocks/policy.js';
import { createdAt, id, instant } from './columns.js';
import { sites } from './sites.js';
import { staffUsers } from './staff.js';
import { tickets } from './tickets.js';

/**
 * A site's service policy, one row per version. The newest judges every open ticket; the older
 * ones stay, so a timeline can say which version judged a clock.
 */
export const servicePolicies = pgTable(
	'service_policies',
	{
		id: id(),
		siteId: uuid('site_id')
			.notNull()
			.references(() => sites.id),
		version: integer('version').notNull(),
		atRisk: jsonb('at_risk').$type<AtRiskRule>().notNull(),
		clocks: jsonb('clocks').$type<ClockDefinition[]>().notNull(),
		createdAt: createdAt(),
		createdByStaffId: uuid('created_by_staff_id').references(() => staffUsers.id)
	},
	(t) => [unique('service_policies_site_version').on(t.siteId, t.version)]
);

/**
 * Each run of each clock of a ticket, as the engine last judged it: re-evaluated with every event
 * of the ticket and every change of policy or calendar. The scheduler reads the instants to turn
 * clocks amber and red on time; `warned_at` and `breached_at` make each escalation happen once.
 */
export const ticketClocks = pgTable(
	'ticket_clocks',
	{
		ticketId: uuid('ticket_id')
			.notNull()
			.references(() => tickets.id),
		clockKey: text('clock_key').notNull(),
		cycle: integer('cycle').notNull(),
		siteId: uuid('site_id')
			.notNull()
			.references(() => sites.id),
		policyVersion: integer('policy_version').notNull(),
		measure: text('measure').notNull(),
		targetMs: bigint('target_ms', { mode: 'number' }).notNull(),
		startedAt: instant('started_at').notNull(),
		stoppedAt: instant('stopped_at'),
		pausedAt: instant('paused_at'),
		pausedLeftMs: bigint('paused_left_ms', { mode: 'number' }),
		deadlineAt: instant('deadline_at'),
		atRiskAt: instant('at_risk_at'),
		escalateTo: text('escalate_to')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		warnedAt: instant('warned_at'),
		breachedAt: instant('breached_at')
	},
	(t) => [
		primaryKey({ columns: [t.ticketId, t.clockKey, t.cycle] }),
		index('ticket_clocks_running')
			.on(t.atRiskAt)
			.where(sql`${t.stoppedAt} is null and ${t.pausedAt} is null and ${t.breachedAt} is null`),
		index('ticket_clocks_site').on(t.siteId)
	]
);
