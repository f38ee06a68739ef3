import { sql } from 'drizzle-orm';
import {
	boolean,
	date,
	index,
	integer,
	jsonb,
	pgTable,
	text,
	unique,
	uuid
} from 'drizzle-orm/pg-core';
import type { MaterialLine } from '../../../domain/quotes.js';
import { paymentMethod, quoteStatus, releasePassStatus } from './enums.js';
import { createdAt, id, instant } from './columns.js';
import { sites } from './sites.js';
import { staffUsers } from './staff.js';
import { tickets } from './tickets.js';

/** Amounts are in fen (1/100 yuan), always integers. */

/** 有偿服务价目表: the public price list shown on the kiosk. */
export const serviceItems = pgTable(
	'service_items',
	{
		id: id(),
		siteId: uuid('site_id')
			.notNull()
			.references(() => sites.id),
		code: text('code').notNull(),
		category: text('category').notNull(),
		name: text('name').notNull(),
		nameEn: text('name_en').notNull(),
		unit: text('unit').notNull(),
		unitEn: text('unit_en').notNull(),
		labourFen: integer('labour_fen').notNull(),
		note: text('note').notNull().default(''),
		active: boolean('active').notNull().default(true),
		sortOrder: integer('sort_order').notNull().default(0)
	},
	(t) => [unique('service_items_site_code').on(t.siteId, t.code)]
);

/** A quote for paid work: labour + materials; the owner confirms before work starts. */
export const quotes = pgTable(
	'quotes',
	{
		id: id(),
		ticketId: uuid('ticket_id')
			.notNull()
			.references(() => tickets.id),
		serviceItemId: uuid('service_item_id').references(() => serviceItems.id),
		labourFen: integer('labour_fen').notNull(),
		materials: jsonb('materials').$type<MaterialLine[]>().notNull().default([]),
		totalFen: integer('total_fen').notNull(),
		status: quoteStatus('status').notNull().default('proposed'),
		payment: paymentMethod('payment'),
		proposedBy: uuid('proposed_by')
			.notNull()
			.references(() => staffUsers.id),
		confirmedAt: instant('confirmed_at'),
		/** Cash (≤ 50 yuan) marked collected in the owner's presence. */
		collectedAt: instant('collected_at'),
		collectedBy: uuid('collected_by').references(() => staffUsers.id),
		createdAt: createdAt()
	},
	(t) => [index('quotes_ticket').on(t.ticketId)]
);

/** Only the project manager waives a fee, with a reason, at most 200 yuan per manager per month. */
export const feeWaivers = pgTable(
	'fee_waivers',
	{
		id: id(),
		siteId: uuid('site_id')
			.notNull()
			.references(() => sites.id),
		quoteId: uuid('quote_id')
			.notNull()
			.references(() => quotes.id),
		approvedBy: uuid('approved_by')
			.notNull()
			.references(() => staffUsers.id),
		amountFen: integer('amount_fen').notNull(),
		reason: text('reason').notNull(),
		/** `YYYY-MM` on the site's calendar, for the monthly cap. */
		month: text('month').notNull(),
		createdAt: createdAt()
	},
	(t) => [index('fee_waivers_approver_month').on(t.approvedBy, t.month)]
);

export interface ReleaseItem {
	description: string;
	quantity: number;
}

/**
 * 物品放行条: approved by the duty supervisor, checked once by the guard on its date; expired
 * by the sweep once that date is over.
 */
export const releasePasses = pgTable(
	'release_passes',
	{
		id: id(),
		siteId: uuid('site_id')
			.notNull()
			.references(() => sites.id),
		ticketId: uuid('ticket_id')
			.notNull()
			.unique()
			.references(() => tickets.id),
		code: text('code').notNull(),
		items: jsonb('items').$type<ReleaseItem[]>().notNull(),
		carryOn: date('carry_on', { mode: 'string' }).notNull(),
		carrierName: text('carrier_name').notNull(),
		status: releasePassStatus('status').notNull().default('pending'),
		decidedBy: uuid('decided_by').references(() => staffUsers.id),
		decidedAt: instant('decided_at'),
		usedAt: instant('used_at'),
		usedBy: uuid('used_by').references(() => staffUsers.id),
		/** When the day-end sweep found its day over, unused: status `expired`. */
		expiredAt: instant('expired_at'),
		createdAt: createdAt()
	},
	(t) => [
		unique('release_passes_site_code').on(t.siteId, t.code),
		// What the day-end sweep looks for on every beat: the few passes still open.
		index('release_passes_open')
			.on(t.siteId, t.carryOn)
			.where(sql`${t.status} in ('pending', 'approved')`)
	]
);
