/**
 * The calendar form: a weekday's working windows typed as `08:00-12:00, 13:30-17:30`, and a
 * holiday or make-up working day. Pure parsing with a message per field.
 */
import { validWorkingHours, type TimeWindow, type WeeklyHours } from '../site-settings.js';
import { CALENDAR_DAY_KINDS, type CalendarDayKind } from '../vocabulary.js';

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The years a calendar day may fall in: enough for any office, and every database takes them. */
const FIRST_YEAR = 1970;
const LAST_YEAR = 2100;

/** `YYYY-MM-DD` that names a real day between 1970 and 2100. */
export function isCalendarDay(day: string): boolean {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
	if (!match) return false;
	const [year, month, date] = match.slice(1).map(Number) as [number, number, number];
	if (year < FIRST_YEAR || year > LAST_YEAR) return false;
	const d = new Date(Date.UTC(year, month - 1, date));
	return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === date;
}

export function formatWindows(windows: readonly TimeWindow[] | undefined): string {
	return (windows ?? []).map((w) => `${w.start}-${w.end}`).join(', ');
}

/** `08:00-12:00, 13:30-17:30` → windows; empty text is a day off; null when unreadable. */
export function parseWindows(text: string): TimeWindow[] | null {
	const parts = text
		.split(/[,，;；、]+/)
		.map((p) => p.trim())
		.filter(Boolean);
	const windows: TimeWindow[] = [];
	for (const part of parts) {
		const match = /^(\d{1,2}):(\d{2})\s*[-–~至]\s*(\d{1,2}):(\d{2})$/.exec(part);
		if (!match) return null;
		const [, h1 = '', m1 = '', h2 = '', m2 = ''] = match;
		windows.push({ start: `${h1.padStart(2, '0')}:${m1}`, end: `${h2.padStart(2, '0')}:${m2}` });
	}
	return validWorkingHours({ 1: windows }) ? windows : null;
}

export type HoursError = 'calendarHoursInvalid' | 'calendarWeekEmpty';
export type HoursForm =
	{ ok: true; hours: WeeklyHours } | { ok: false; errors: Partial<Record<string, HoursError>> };

/** Reads `hours.1` … `hours.7`; a week needs some working time, or no working day would end. */
export function readHoursForm(form: Record<string, string>): HoursForm {
	const hours: WeeklyHours = {};
	const errors: Partial<Record<string, HoursError>> = {};
	for (const day of WEEKDAYS) {
		const windows = parseWindows(form[`hours.${day}`] ?? '');
		if (windows === null) errors[`hours.${day}`] = 'calendarHoursInvalid';
		else if (windows.length > 0) hours[day] = windows;
	}
	if (Object.keys(errors).length === 0 && Object.keys(hours).length === 0) {
		errors['hours.1'] = 'calendarWeekEmpty';
	}
	return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, hours };
}

export type DayForm =
	| { ok: true; day: string; kind: CalendarDayKind; name: string }
	| { ok: false; errors: Partial<Record<'day' | 'kind' | 'name', CalendarDayError>> };

export type CalendarDayError = 'calendarDayInvalid' | 'calendarKindInvalid' | 'calendarNameTooLong';

/** Reads a holiday or make-up working day: a real date, its kind, an optional name. */
export function readDayForm(form: Record<string, string>): DayForm {
	const errors: Partial<Record<'day' | 'kind' | 'name', CalendarDayError>> = {};
	const day = (form.day ?? '').trim();
	if (!isCalendarDay(day)) errors.day = 'calendarDayInvalid';
	const kind = form.kind as CalendarDayKind;
	if (!CALENDAR_DAY_KINDS.includes(kind)) errors.kind = 'calendarKindInvalid';
	const name = (form.name ?? '').trim();
	if (name.length > 40) errors.name = 'calendarNameTooLong';
	return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, day, kind, name };
}
