/**
 * A site's working time: weekly windows on its own clock, public holidays and make-up working
 * days (调休). Pure arithmetic on epoch milliseconds; no I/O, no "now".
 */
import type { CalendarDayKind } from '../vocabulary.js';
import type { TimeWindow, Weekday, WeeklyHours } from '../site-settings.js';
import { localParts } from '../site-time.js';

export interface WorkCalendar {
	timeZone: string;
	hours: WeeklyHours;
	/** `YYYY-MM-DD` → holiday (no work) or workday (a make-up working day, 调休). */
	days: ReadonlyMap<string, CalendarDayKind>;
}

/** A calendar day on the site's clock. */
export interface LocalDay {
	year: number;
	month: number;
	day: number;
}

/** Longest walk, in days, looking for working time before giving up (a calendar with none). */
const MAX_DAYS = 3 * 366;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function dayKey({ year, month, day }: LocalDay): string {
	return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

export function localDayOf(instant: number, timeZone: string): LocalDay {
	const { year, month, day } = localParts(new Date(instant), timeZone);
	return { year, month, day };
}

export function nextDay({ year, month, day }: LocalDay): LocalDay {
	const d = new Date(Date.UTC(year, month - 1, day + 1));
	return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function weekdayOf({ year, month, day }: LocalDay): Weekday {
	const sunday0 = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
	return (sunday0 === 0 ? 7 : sunday0) as Weekday;
}

function minutesOf(hhmm: string): number {
	const [h, m] = hhmm.split(':').map(Number);
	return (h ?? 0) * 60 + (m ?? 0);
}

/**
 * The instant the site's wall clock shows `minutes` after midnight of `day`. Zones with daylight
 * saving are handled by reading the guess back; a time that does not exist lands just after the gap.
 */
export function wallTime(day: LocalDay, minutes: number, timeZone: string): number {
	const target = Date.UTC(day.year, day.month - 1, day.day, 0, minutes);
	let guess = target;
	for (let i = 0; i < 2; i++) {
		const p = localParts(new Date(guess), timeZone);
		guess += target - Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
	}
	return guess;
}

/** The windows a make-up working day keeps: the site's Monday, or its first working weekday. */
function makeUpWindows(hours: WeeklyHours): readonly TimeWindow[] {
	for (const weekday of [1, 2, 3, 4, 5, 6, 7] as const) {
		const windows = hours[weekday];
		if (windows?.length) return windows;
	}
	return [];
}

/** The day's working windows once holidays and make-up days are applied. */
export function windowsOn(calendar: WorkCalendar, day: LocalDay): readonly TimeWindow[] {
	const kind = calendar.days.get(dayKey(day));
	if (kind === 'holiday') return [];
	const own = calendar.hours[weekdayOf(day)] ?? [];
	if (kind === 'workday' && own.length === 0) return makeUpWindows(calendar.hours);
	return own;
}

export function isWorkingDay(calendar: WorkCalendar, day: LocalDay): boolean {
	return windowsOn(calendar, day).length > 0;
}

type Interval = readonly [start: number, end: number];

interface DayTime {
	/** The day's working time as instants. */
	intervals: Interval[];
	/** Midnight that ends the day. */
	end: number;
}

const dayCache = new WeakMap<WorkCalendar, Map<string, DayTime>>();

/** A day's working time and its end, cached per calendar object (the time-zone maths is slow). */
function dayTime(calendar: WorkCalendar, day: LocalDay): DayTime {
	let cache = dayCache.get(calendar);
	if (!cache) dayCache.set(calendar, (cache = new Map()));
	const key = dayKey(day);
	let time = cache.get(key);
	if (!time) {
		const { timeZone } = calendar;
		time = {
			intervals: windowsOn(calendar, day).map(
				({ start, end }) =>
					[
						wallTime(day, minutesOf(start), timeZone),
						wallTime(day, minutesOf(end), timeZone)
					] as const
			),
			end: wallTime(nextDay(day), 0, timeZone)
		};
		cache.set(key, time);
	}
	return time;
}

/** Working milliseconds between two instants (0 when `to` is not after `from`). */
export function workingMsBetween(calendar: WorkCalendar, from: number, to: number): number {
	if (to <= from) return 0;
	let total = 0;
	let day = localDayOf(from, calendar.timeZone);
	for (;;) {
		const { intervals, end: dayEnd } = dayTime(calendar, day);
		for (const [start, end] of intervals) {
			const overlap = Math.min(end, to) - Math.max(start, from);
			if (overlap > 0) total += overlap;
		}
		if (dayEnd >= to) return total;
		day = nextDay(day);
	}
}

/**
 * The instant at which `ms` of working time has passed since `from`, or null when the calendar
 * holds no working time for years ahead. Adding 0 returns `from` itself.
 */
export function addWorkingMs(calendar: WorkCalendar, from: number, ms: number): number | null {
	if (ms <= 0) return from;
	let left = ms;
	let day = localDayOf(from, calendar.timeZone);
	for (let i = 0; i < MAX_DAYS; i++) {
		for (const [start, end] of dayTime(calendar, day).intervals) {
			const begin = Math.max(start, from);
			const available = end - begin;
			if (available <= 0) continue;
			if (left <= available) return begin + left;
			left -= available;
		}
		day = nextDay(day);
	}
	return null;
}

/** Is `instant` within `window` of its day, and (when asked) on a working day? End excluded. */
export function withinDailyWindow(
	calendar: WorkCalendar,
	instant: number,
	window: TimeWindow,
	workingDaysOnly: boolean
): boolean {
	const day = localDayOf(instant, calendar.timeZone);
	if (workingDaysOnly && !isWorkingDay(calendar, day)) return false;
	const { hour, minute, second } = localParts(new Date(instant), calendar.timeZone);
	const minutes = hour * 60 + minute + second / 60;
	return minutes >= minutesOf(window.start) && minutes < minutesOf(window.end);
}

/** Length of the site's standard working day (its make-up day's windows), in milliseconds. */
export function workingDayMs(calendar: WorkCalendar): number {
	return makeUpWindows(calendar.hours).reduce(
		(sum, { start, end }) => sum + (minutesOf(end) - minutesOf(start)) * 60_000,
		0
	);
}
