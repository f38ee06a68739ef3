import {
	boolean,
	date,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	unique,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { SiteSettings, WeeklyHours } from '../../../domain/site-settings.js';
import { DEFAULT_WORKING_HOURS } from '../../../domain/site-settings.js';
import { calendarDayKind, careFlag, residentKind } from './enums.js';
import { createdAt, id, instant } from './columns.js';

/** A property run by the company: its own clock, calendar, rules and people. */
export const sites = pgTable('sites', {
	id: id(),
	slug: text('slug').notNull().unique(),
	name: text('name').notNull(),
	nameEn: text('name_en').notNull(),
	timeZone: text('time_zone').notNull().default('Asia/Shanghai'),
	workingHours: jsonb('working_hours')
		.$type<WeeklyHours>()
		.notNull()
		.default(DEFAULT_WORKING_HOURS),
	/** Only what differs from the defaults; read through `resolveSiteSettings`. */
	settings: jsonb('settings').$type<Partial<SiteSettings>>().notNull().default({}),
	createdAt: createdAt()
});

/** Public holidays and make-up working days (调休) that override the weekly hours. */
export const siteCalendarDays = pgTable(
	'site_calendar_days',
	{
		siteId: uuid('site_id')
			.notNull()
			.references(() => sites.id),
		day: date('day', { mode: 'string' }).notNull(),
		kind: calendarDayKind('kind').notNull(),
		name: text('name').notNull().default('')
	},
	(t) => [primaryKey({ columns: [t.siteId, t.day] })]
);

/** 楼栋 */
export const buildings = pgTable(
	'buildings',
	{
		id: id(),
		siteId: uuid('site_id')
			.notNull()
			.references(() => sites.id),
		code: text('code').notNull(),
		name: text('name').notNull(),
		nameEn: text('name_en').notNull(),
		floors: integer('floors').notNull(),
		sortOrder: integer('sort_order').notNull().default(0)
	},
	(t) => [unique('buildings_site_code').on(t.siteId, t.code)]
);

/** 单元 / 房号: one dwelling, addressed by building, entrance and room. */
export const units = pgTable(
	'units',
	{
		id: id(),
		siteId: uuid('site_id')
			.notNull()
			.references(() => sites.id),
		buildingId: uuid('building_id')
			.notNull()
			.references(() => buildings.id),
		entrance: text('entrance').notNull(),
		floor: integer('floor').notNull(),
		room: text('room').notNull(),
		vacant: boolean('vacant').notNull().default(false)
	},
	(t) => [
		unique('units_building_entrance_room').on(t.buildingId, t.entrance, t.room),
		index('units_site').on(t.siteId)
	]
);

/** 业户档案: one file per household living in a unit; a unit has at most one current household. */
export const households = pgTable(
	'households',
	{
		id: id(),
		siteId: uuid('site_id')
			.notNull()
			.references(() => sites.id),
		unitId: uuid('unit_id')
			.notNull()
			.references(() => units.id),
		movedInOn: date('moved_in_on', { mode: 'string' }),
		movedOutOn: date('moved_out_on', { mode: 'string' }),
		notes: text('notes').notNull().default(''),
		/** Seeds 000/001: the archive is reviewed at least every six months. */
		archiveReviewedAt: instant('archive_reviewed_at'),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('households_current_per_unit')
			.on(t.unitId)
			.where(sql`${t.movedOutOn} is null`),
		index('households_site').on(t.siteId)
	]
);

/** 业主 / 住户: owners, tenants and family members of a household. */
export const residents = pgTable(
	'residents',
	{
		id: id(),
		householdId: uuid('household_id')
			.notNull()
			.references(() => households.id),
		name: text('name').notNull(),
		phone: text('phone').notNull(),
		kind: residentKind('kind').notNull(),
		/** 老幼病残孕: staff see it on the household and on every ticket it files. */
		careFlags: careFlag('care_flags')
			.array()
			.notNull()
			.default(sql`'{}'::care_flag[]`),
		isPrimaryContact: boolean('is_primary_contact').notNull().default(false),
		createdAt: createdAt(),
		leftAt: instant('left_at')
	},
	(t) => [index('residents_household').on(t.householdId), index('residents_phone').on(t.phone)]
);
