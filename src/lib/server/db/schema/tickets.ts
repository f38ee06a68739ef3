import { sql } from 'drizzle-orm';
import {
	bigint,
	check,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	unique,
	uuid
} from 'drizzle-orm/pg-core';
import {
	actorKind,
	careFlag,
	channel,
	priority,
	satisfaction,
	ticketStatus,
	ticketType
} from './enums.js';
import { createdAt, id, instant } from './columns.js';
import { buildings, households, residents, sites, units } from './sites.js';
import { devices, staffUsers } from './staff.js';

/** Where an emergency is, when it is not (only) the reporter's own unit. */
export interface TicketLocation {
	buildingId: string | null;
	floor: string;
	room: string;
	note: string;
}

/** The daily counter behind each serial prefix (`R-20261122`). */
export const ticketSerials = pgTable(
	'ticket_serials',
	{
		siteId: uuid('site_id')
			.notNull()
			.references(() => sites.id),
		prefix: text('prefix').notNull(),
		last: integer('last').notNull()
	},
	(t) => [primaryKey({ columns: [t.siteId, t.prefix] })]
);

/** 客户需求处理单: every owner contact, whatever its type, from filing to close. Never deleted. */
export const tickets = pgTable(
	'tickets',
	{
		id: id(),
		siteId: uuid('site_id')
			.notNull()
			.references(() => sites.id),
		serial: text('serial').notNull(),
		type: ticketType('type').notNull(),
		category: text('category').notNull(),
		status: ticketStatus('status').notNull().default('new'),
		priority: priority('priority').notNull(),
		channel: channel('channel').notNull(),
		/** The building is the finest location the public display may show. */
		buildingId: uuid('building_id').references(() => buildings.id),
		unitId: uuid('unit_id').references(() => units.id),
		householdId: uuid('household_id').references(() => households.id),
		reporterResidentId: uuid('reporter_resident_id').references(() => residents.id),
		/** For a caller who is not on record (phone, walk-in). */
		reporterName: text('reporter_name'),
		reporterPhone: text('reporter_phone'),
		location: jsonb('location').$type<TicketLocation>(),
		description: text('description').notNull(),
		preferredAt: instant('preferred_at'),
		appointmentAt: instant('appointment_at'),
		/** Copied from the household when filed, so the flag travels with the ticket. */
		careFlags: careFlag('care_flags')
			.array()
			.notNull()
			.default(sql`'{}'::care_flag[]`),
		/** Free markers such as `warranty` (返修) or `escalated`. */
		flags: text('flags')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		/** Type-specific fields: an emergency's kind, a pass's items, an incident report… */
		details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
		assigneeId: uuid('assignee_id').references(() => staffUsers.id),
		createdByStaffId: uuid('created_by_staff_id').references(() => staffUsers.id),
		createdByDeviceId: uuid('created_by_device_id').references(() => devices.id),
		/** Sent by the kiosk with every submission, so a retry files nothing twice. */
		idempotencyKey: text('idempotency_key'),
		/** The latest follow-up's finding (回访). */
		satisfaction: satisfaction('satisfaction'),
		/** The owner's own rating from their phone. */
		ownerRating: satisfaction('owner_rating'),
		reopenCount: integer('reopen_count').notNull().default(0),
		/** Follow-ups that found the owner dissatisfied; the second escalates to the director. */
		dissatisfiedCount: integer('dissatisfied_count').notNull().default(0),
		/** Bumped by every change: a stale form cannot overwrite a newer state. */
		version: integer('version').notNull().default(1),
		createdAt: createdAt(),
		updatedAt: instant('updated_at').notNull().defaultNow(),
		acceptedAt: instant('accepted_at'),
		onSiteAt: instant('on_site_at'),
		/** The owner's first reply (the complaint clock stops here) and the agreed next one. */
		repliedAt: instant('replied_at'),
		nextReplyAt: instant('next_reply_at'),
		/** The owner confirmed the proposed appointment. */
		appointmentConfirmedAt: instant('appointment_confirmed_at'),
		resolvedAt: instant('resolved_at'),
		/** The owner tested and signed off the work (paid-service follow-up clock starts here). */
		ownerAcceptedAt: instant('owner_accepted_at'),
		followedUpAt: instant('followed_up_at'),
		closedAt: instant('closed_at')
	},
	(t) => [
		unique('tickets_site_serial').on(t.siteId, t.serial),
		unique('tickets_site_idempotency_key').on(t.siteId, t.idempotencyKey),
		index('tickets_site_status').on(t.siteId, t.status),
		index('tickets_unit').on(t.unitId),
		index('tickets_assignee').on(t.assigneeId)
	]
);

/**
 * The last sequence number given to an event of each site. Taking the next one locks the row
 * until the transaction ends, so a site's events commit in sequence order with no holes: a client
 * that has applied `n` knows `n + 1` is the very next change.
 */
export const eventStreams = pgTable('event_streams', {
	siteId: uuid('site_id')
		.primaryKey()
		.references(() => sites.id),
	lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
	/**
	 * Changed (to a fresh random value) by every change of the site's clock rules, in the same
	 * transaction. A filing plans its clocks before it takes this row and files only if the stamp
	 * is still the one it planned with (`fileTicket`).
	 */
	rulesStamp: uuid('rules_stamp')
});

/**
 * The site's append-only event log: who did what, when and why. Filtered by ticket it is the
 * ticket's timeline; read by sequence it is the live stream. A database trigger refuses updates
 * and deletes.
 */
export const events = pgTable(
	'events',
	{
		id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
		siteId: uuid('site_id')
			.notNull()
			.references(() => sites.id),
		/** 1, 2, 3… per site, without gaps, in commit order (see `eventStreams`). */
		seq: bigint('seq', { mode: 'number' }).notNull(),
		ticketId: uuid('ticket_id').references(() => tickets.id),
		/** Dotted name, e.g. `ticket.filed`, `ticket.claimed`, `contact.recorded`. */
		type: text('type').notNull(),
		actorKind: actorKind('actor_kind').notNull(),
		actorStaffId: uuid('actor_staff_id').references(() => staffUsers.id),
		actorDeviceId: uuid('actor_device_id').references(() => devices.id),
		actorResidentId: uuid('actor_resident_id').references(() => residents.id),
		reason: text('reason'),
		data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
		at: instant('at').notNull().defaultNow()
	},
	(t) => [
		unique('events_site_seq').on(t.siteId, t.seq),
		index('events_ticket').on(t.ticketId, t.id)
	]
);

/**
 * The owner's phone: an unguessable, expiring link (only its hash is stored) to one ticket, or to
 * a household's page (its requests, visitors waiting for consent, invitations).
 */
export const ownerLinks = pgTable(
	'owner_links',
	{
		id: id(),
		householdId: uuid('household_id').references(() => households.id),
		ticketId: uuid('ticket_id').references(() => tickets.id),
		tokenHash: text('token_hash').notNull().unique(),
		expiresAt: instant('expires_at').notNull(),
		createdAt: createdAt(),
		lastUsedAt: instant('last_used_at'),
		revokedAt: instant('revoked_at')
	},
	(t) => [
		index('owner_links_ticket').on(t.ticketId),
		index('owner_links_household').on(t.householdId),
		check('owner_links_subject', sql`${t.householdId} is not null or ${t.ticketId} is not null`)
	]
);
