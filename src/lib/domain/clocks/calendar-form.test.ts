import { describe, expect, it } from 'vitest';
import {
	formatWindows,
	isCalendarDay,
	parseWindows,
	readDayForm,
	readHoursForm
} from './calendar-form.js';

describe('the calendar form', () => {
	it.each([
		['08:00-17:30', [{ start: '08:00', end: '17:30' }]],
		[
			'8:30-12:00，13:30-17:30',
			[
				{ start: '08:30', end: '12:00' },
				{ start: '13:30', end: '17:30' }
			]
		],
		['', []],
		['09:00 - 12:00', [{ start: '09:00', end: '12:00' }]],
		['08:00-12:00 13:30-17:30', null],
		['12:00-09:00', null],
		['08:00-12:00, 11:00-17:00', null],
		['25:00-26:00', null],
		['morning', null]
	])('reads %j', (text, windows) => {
		expect(parseWindows(text)).toEqual(windows);
	});

	it('writes windows back as they are typed', () => {
		expect(formatWindows(parseWindows('8:30-12:00, 13:30-17:30') ?? [])).toBe(
			'08:30-12:00, 13:30-17:30'
		);
	});

	it('takes a week with a lunch break and a day off, and names an unreadable day', () => {
		const week = { 'hours.1': '08:30-12:00, 13:30-17:30', 'hours.6': '09:00-12:00' };
		expect(readHoursForm(week)).toEqual({
			ok: true,
			hours: {
				1: [
					{ start: '08:30', end: '12:00' },
					{ start: '13:30', end: '17:30' }
				],
				6: [{ start: '09:00', end: '12:00' }]
			}
		});
		expect(readHoursForm({ ...week, 'hours.3': '9-5' })).toEqual({
			ok: false,
			errors: { 'hours.3': 'calendarHoursInvalid' }
		});
	});

	it('refuses a week with no working time at all', () => {
		expect(readHoursForm({})).toEqual({ ok: false, errors: { 'hours.1': 'calendarWeekEmpty' } });
	});

	it.each(['2026-13-01', '2027-02-29', '0000-01-01', '2101-01-01', '2026-1-1', ''])(
		'%j is not a day a calendar keeps',
		(day) => {
			expect(isCalendarDay(day)).toBe(false);
			expect(readDayForm({ day, kind: 'holiday' }).ok).toBe(false);
		}
	);

	it('takes a real date with its kind, and refuses a date that does not exist', () => {
		expect(readDayForm({ day: '2027-10-01', kind: 'holiday', name: ' 国庆节 ' })).toEqual({
			ok: true,
			day: '2027-10-01',
			kind: 'holiday',
			name: '国庆节'
		});
		expect(readDayForm({ day: '2027-02-30', kind: 'rest', name: 'x'.repeat(41) })).toEqual({
			ok: false,
			errors: {
				day: 'calendarDayInvalid',
				kind: 'calendarKindInvalid',
				name: 'calendarNameTooLong'
			}
		});
	});
});
