/**
 * The words of the front desk, shared by the database schema, the server and the pages.
 * Each list is the complete set of values the product knows; order is the order shown to people.
 */

export const TICKET_TYPES = [
	'emergency',
	'repair',
	'complaint',
	'paid_service',
	'consultation',
	'release_pass',
	'other'
] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

/** DOMAIN.md "Lifecycle of a ticket". `waiting_owner` pauses the clocks. */
export const TICKET_STATUSES = [
	'new',
	'accepted',
	'in_progress',
	'waiting_owner',
	'resolved',
	'followed_up',
	'closed',
	'reopened',
	'declined'
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const CHANNELS = ['kiosk', 'phone', 'walk_in', 'online'] as const;
export type Channel = (typeof CHANNELS)[number];

export const STAFF_ROLES = [
	'assistant',
	'supervisor',
	'director',
	'engineer',
	'guard',
	'admin'
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** 老幼病残孕 — owners who need special care (seed 002). */
export const CARE_FLAGS = ['elderly', 'sick', 'disabled', 'pregnant'] as const;
export type CareFlag = (typeof CARE_FLAGS)[number];

export const RESIDENT_KINDS = ['owner', 'tenant', 'family'] as const;
export type ResidentKind = (typeof RESIDENT_KINDS)[number];

export const DEVICE_KINDS = ['kiosk', 'display'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/** A lobby display shows the public payload only; a staff-room display may add room numbers. */
export const DISPLAY_AUDIENCES = ['lobby', 'staff_room'] as const;
export type DisplayAudience = (typeof DISPLAY_AUDIENCES)[number];

export const ACTOR_KINDS = ['staff', 'resident', 'device', 'system'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const SATISFACTION = ['satisfied', 'neutral', 'dissatisfied'] as const;
export type Satisfaction = (typeof SATISFACTION)[number];

export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

export const QUOTE_STATUSES = ['proposed', 'confirmed', 'declined', 'superseded'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

/** Seed 003: cash up to 50 yuan on the spot, the rest billed with the monthly property fee. */
export const PAYMENT_METHODS = ['cash', 'monthly_bill', 'waived'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** `expired`: its day ended before it was used (or decided), set by the day-end sweep. */
export const RELEASE_PASS_STATUSES = ['pending', 'approved', 'refused', 'used', 'expired'] as const;
export type ReleasePassStatus = (typeof RELEASE_PASS_STATUSES)[number];
