import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant } from './columns.js';
import { idDocumentType, visitAtDeskReason, visitPurpose, visitStatus } from './enums.js';
import { households, residents, sites, units } from './sites.js';
import { devices, staffUsers } from './staff.js';

/**
 * 来人来访登记表: one row per visit, from the kiosk (or an invitation) to sign-out. The person's
 * data lives here and only here (events carry the visit's id, never a name), so anonymising the
 * row after the site's retention period leaves nothing behind. Only the last 4 characters of the
 * ID document are kept readable; `idHash` is a keyed hash of the whole number, for lookups and
 * the block list, useless without the installation's key.
 */
export const visits = pgTable(
	'visits',
	{
		id: id(),
		siteId: uuid('site_id')
			.notNull()
			.references(() => sites.id),
		unitId: uuid('unit_id')
			.notNull()
			.references(() => units.id),
		/** The household asked for consent: the unit's current one when the visit was made. */
		householdId: uuid('household_id').references(() => households.id),
		status: visitStatus('status').notNull(),
		atDeskReason: visitAtDeskReason('at_desk_reason'),
		name: text('name'),
		phone: text('phone'),
		idType: idDocumentType('id_type'),
		idLast4: text('id_last4'),
		idHash: text('id_hash'),
		hostSurname: text('host_surname'),
		purpose: visitPurpose('purpose').notNull(),
		purposeText: text('purpose_text'),
		party: integer('party').notNull().default(1),
		/** Staff's words, such as how consent was taken by phone. Personal: anonymised. */
		note: text('note'),
		/** An invitation's site date and its code (shown to the host, typed at the kiosk). */
		visitDate: date('visit_date', { mode: 'string' }),
		inviteCode: text('invite_code'),
		invitedByResidentId: uuid('invited_by_resident_id').references(() => residents.id),
		invitedByStaffId: uuid('invited_by_staff_id').references(() => staffUsers.id),
		/** The kiosk it was registered at: only that kiosk may show its outcome and pass. */
		kioskId: uuid('kiosk_id').references(() => devices.id),
		/** Sent by the kiosk, so a double tap registers one visit. */
		idempotencyKey: text('idempotency_key'),
		passNumber: text('pass_number'),
		/** Printed beside the pass number and in its QR code: the kiosk signs out only with it. */
		passCheck: text('pass_check'),
		decidedAt: instant('decided_at'),
		decidedByStaffId: uuid('decided_by_staff_id').references(() => staffUsers.id),
		decidedByResidentId: uuid('decided_by_resident_id').references(() => residents.id),
		approvedAt: instant('approved_at'),
		signedOutAt: instant('signed_out_at'),
		signedOutByStaffId: uuid('signed_out_by_staff_id').references(() => staffUsers.id),
		createdAt: createdAt(),
		updatedAt: instant('updated_at').notNull().defaultNow(),
		anonymisedAt: instant('anonymised_at')
	},
	(t) => [
		index('visits_site_status').on(t.siteId, t.status),
		index('visits_site_created').on(t.siteId, t.createdAt),
		index('visits_id_hash').on(t.siteId, t.idHash),
		index('visits_phone').on(t.siteId, t.phone),
		uniqueIndex('visits_site_pass').on(t.siteId, t.passNumber),
		uniqueIndex('visits_site_invite_code').on(t.siteId, t.inviteCode),
		uniqueIndex('visits_site_idempotency_key').on(t.siteId, t.idempotencyKey),
		check('visits_party', sql`${t.party} between 1 and 10`),
		check('visits_pass_check', sql`(${t.passNumber} is null) = (${t.passCheck} is null)`)
	]
);

/**
 * A visitor who agreed to be remembered: their phone and last 4 of the ID find them next time,
 * and their last visit fills the form. Deleted when they withdraw consent (an unticked box) and by
 * the retention job when they have not come for the retention period.
 */
export const visitorProfiles = pgTable(
	'visitor_profiles',
	{
		id: id(),
		siteId: uuid('site_id')
			.notNull()
			.references(() => sites.id),
		phone: text('phone').notNull(),
		name: text('name').notNull(),
		idType: idDocumentType('id_type').notNull(),
		idLast4: text('id_last4').notNull(),
		idHash: text('id_hash').notNull(),
		lastUnitId: uuid('last_unit_id').references(() => units.id),
		lastHostSurname: text('last_host_surname'),
		lastPurpose: visitPurpose('last_purpose'),
		lastPurposeText: text('last_purpose_text'),
		lastParty: integer('last_party').notNull().default(1),
		lastVisitAt: instant('last_visit_at').notNull().defaultNow(),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('visitor_profiles_site_phone').on(t.siteId, t.phone)]
);

/**
 * The supervisor's block list. A match (same ID document, or the same phone) sends the visit to
 * the desk; the kiosk never says why. Entries stay until lifted: keeping one is a decision.
 */
export const visitorBlocks = pgTable(
	'visitor_blocks',
	{
		id: id(),
		siteId: uuid('site_id')
			.notNull()
			.references(() => sites.id),
		name: text('name').notNull(),
		phone: text('phone'),
		idType: idDocumentType('id_type'),
		idLast4: text('id_last4'),
		idHash: text('id_hash'),
		reason: text('reason').notNull(),
		createdByStaffId: uuid('created_by_staff_id')
			.notNull()
			.references(() => staffUsers.id),
		createdAt: createdAt(),
		liftedAt: instant('lifted_at'),
		liftedByStaffId: uuid('lifted_by_staff_id').references(() => staffUsers.id)
	},
	(t) => [
		index('visitor_blocks_site').on(t.siteId),
		check('visitor_blocks_match', sql`${t.phone} is not null or ${t.idHash} is not null`)
	]
);
