/**
 * What a site decides for itself. Every field has a default taken from the seeds (DOMAIN.md),
 * so a new site works before anyone configures it.
 */

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A window of working time on one day, `HH:mm`–`HH:mm` on the site's clock. */
export interface TimeWindow {
	start: string;
	end: string;
}

/** Several windows a day are allowed (a lunch break); a missing day is not a working day. */
export type WeeklyHours = Partial<Record<Weekday, TimeWindow[]>>;

const WEEKDAY_HOURS: TimeWindow[] = [{ start: '08:00', end: '17:30' }];

/** Seed 004: the office's day is 08:00–17:30, Monday to Friday. */
export const DEFAULT_WORKING_HOURS: WeeklyHours = {
	1: WEEKDAY_HOURS,
	2: WEEKDAY_HOURS,
	3: WEEKDAY_HOURS,
	4: WEEKDAY_HOURS,
	5: WEEKDAY_HOURS
};

export interface SiteSettings {
	/** Emergency: a staff member takes it within this many minutes (001: "immediately"). */
	emergencyAcknowledgeMinutes: number;
	/** Repair arrival: within working hours (004: 20 min) and outside them (004: 1 hour). */
	repairArrivalMinutesInHours: number;
	repairArrivalMinutesOutOfHours: number;
	/** Paid-service follow-up: 24 hours (003) or 2 working days (000). */
	paidServiceFollowUp: '24h' | '2wd';
	/** Visitors: how long the host has to answer before the desk takes over. */
	visitorConsentMinutes: number;
	/** Visitors: personal data is anonymised after this many days. */
	visitorRetentionDays: number;
	/** Kiosk: seconds without a touch before it returns home and forgets everything. */
	kioskIdleSeconds: number;
}

export const DEFAULT_SITE_SETTINGS: SiteSettings = {
	emergencyAcknowledgeMinutes: 2,
	repairArrivalMinutesInHours: 20,
	repairArrivalMinutesOutOfHours: 60,
	paidServiceFollowUp: '24h',
	visitorConsentMinutes: 3,
	visitorRetentionDays: 180,
	kioskIdleSeconds: 60
};

/** Stored settings may predate a field: fill what is missing from the defaults. */
export function resolveSiteSettings(
	stored: Partial<SiteSettings> | null | undefined
): SiteSettings {
	return { ...DEFAULT_SITE_SETTINGS, ...stored };
}

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Each window must be `HH:mm`, start before end, and the windows of a day in order without overlap. */
export function validWorkingHours(hours: WeeklyHours): boolean {
	return Object.values(hours).every((windows) => {
		let previousEnd = '';
		for (const { start, end } of windows ?? []) {
			if (!HH_MM.test(start) || !HH_MM.test(end) || start >= end || start < previousEnd) {
				return false;
			}
			previousEnd = end;
		}
		return true;
	});
}

/**
 * How long a host has to answer a visitor, in minutes: the site's setting, unless the process
 * was started with a shorter time for tests or drills (in seconds).
 */
export function consentMinutes(
	settings: Partial<SiteSettings> | null | undefined,
	overrideSeconds?: number
): number {
	return overrideSeconds !== undefined
		? overrideSeconds / 60
		: resolveSiteSettings(settings).visitorConsentMinutes;
}
