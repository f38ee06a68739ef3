/**
 * Reads public holidays and make-up working days from an iCalendar (`.ics`) file, such as the
 * yearly calendars published for mainland China. All-day events only; each becomes one entry per
 * day it covers. An event marked as a working day (`班`, "workday", Apple's ALTERNATE-WORKDAY) is a
 * make-up working day; any other is a holiday.
 */
import type { CalendarDayKind } from '../vocabulary.js';
import { isCalendarDay } from './calendar-form.js';

export interface IcsDay {
	day: string;
	kind: CalendarDayKind;
	name: string;
}

const MAX_DAYS_PER_EVENT = 31;

/** Undoes RFC 5545 line folding: a line starting with a space or tab continues the previous. */
function unfold(text: string): string[] {
	return text
		.replace(/\r\n?/g, '\n')
		.replace(/\n[ \t]/g, '')
		.split('\n');
}

function unescape(value: string): string {
	return value.replace(/\\([,;\\nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? ' ' : c));
}

/** `20261001` or `20261001T000000` → `2026-10-01`; null when it is not a day we keep. */
function dateOf(value: string): string | null {
	const match = /^(\d{4})(\d{2})(\d{2})/.exec(value.trim());
	if (!match) return null;
	const day = `${match[1]}-${match[2]}-${match[3]}`;
	return isCalendarDay(day) ? day : null;
}

function addDays(day: string, n: number): string {
	const d = new Date(`${day}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + n);
	return d.toISOString().slice(0, 10);
}

/**
 * A make-up working day is marked in its summary (`春节(班)`, `补班`, "Make-up workday") or by
 * Apple's `ALTERNATE-WORKDAY`. The description is not read: notices quote the working days of a
 * holiday there ("…2月8日（周六）上班").
 */
function kindOf(fields: Map<string, string>): CalendarDayKind {
	const summary = (fields.get('SUMMARY') ?? '').toLowerCase();
	const apple = (fields.get('X-APPLE-SPECIAL-DAY') ?? '').trim().toUpperCase();
	const marked = /[（(]\s*班\s*[）)]|补班|调休上班|\bworkday\b|make-up work/.test(summary);
	return marked || apple === 'ALTERNATE-WORKDAY' ? 'workday' : 'holiday';
}

/** The name shown for the day: the summary without a trailing `(休)` / `(班)` mark. */
function nameOf(summary: string): string {
	return summary
		.replace(/[（(]\s*[休班]\s*[）)]\s*$/, '')
		.trim()
		.slice(0, 40);
}

export interface IcsResult {
	days: IcsDay[];
	/** Events that could not be read (no start date). */
	skipped: number;
}

export function parseIcsDays(text: string): IcsResult {
	const days = new Map<string, IcsDay>();
	let skipped = 0;
	let fields: Map<string, string> | null = null;
	for (const line of unfold(text)) {
		if (line === 'BEGIN:VEVENT') {
			fields = new Map();
			continue;
		}
		if (line === 'END:VEVENT' && fields) {
			const start = dateOf(fields.get('DTSTART') ?? '');
			if (!start) skipped += 1;
			else {
				const end = dateOf(fields.get('DTEND') ?? '');
				const kind = kindOf(fields);
				const name = nameOf(unescape(fields.get('SUMMARY') ?? ''));
				// DTEND of an all-day event is the day after its last day.
				for (
					let i = 0, day = start;
					i < MAX_DAYS_PER_EVENT && (i === 0 || (end && day < end));
					i++
				) {
					days.set(day, { day, kind, name });
					day = addDays(day, 1);
				}
			}
			fields = null;
			continue;
		}
		if (!fields) continue;
		const colon = line.indexOf(':');
		if (colon < 0) continue;
		const name = line.slice(0, colon).split(';')[0]?.toUpperCase() ?? '';
		if (!fields.has(name)) fields.set(name, line.slice(colon + 1));
	}
	return { days: [...days.values()].sort((a, b) => a.day.localeCompare(b.day)), skipped };
}
