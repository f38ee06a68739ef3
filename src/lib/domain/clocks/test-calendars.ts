/** Calendars the clock tests share: the seed office on mainland China's 2025–2026 calendar. */
import { DEFAULT_WORKING_HOURS, type WeeklyHours } from '../site-settings.js';
import { CN_CALENDAR_DAYS } from './cn-holidays.js';
import type { WorkCalendar } from './work-calendar.js';

export function cnCalendar(
	hours: WeeklyHours = DEFAULT_WORKING_HOURS,
	timeZone = 'Asia/Shanghai'
): WorkCalendar {
	return { timeZone, hours, days: new Map(CN_CALENDAR_DAYS.map(([day, kind]) => [day, kind])) };
}

/** A Shanghai wall-clock time (`2026-11-20 17:29`) as epoch milliseconds. */
export function sh(wall: string): number {
	return Date.parse(`${wall.replace(' ', 'T')}:00+08:00`);
}
