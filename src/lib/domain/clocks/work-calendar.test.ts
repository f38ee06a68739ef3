import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cnCalendar, sh } from './test-calendars.js';
import {
	addWorkingMs,
	isWorkingDay,
	withinDailyWindow,
	workingDayMs,
	workingMsBetween
} from './work-calendar.js';

const HOUR = 3_600_000;
const office = cnCalendar();
const lunch = cnCalendar({
	1: [
		{ start: '08:30', end: '12:00' },
		{ start: '13:30', end: '17:30' }
	],
	2: [
		{ start: '08:30', end: '12:00' },
		{ start: '13:30', end: '17:30' }
	]
});

describe('the site calendar', () => {
	it.each([
		['2026-11-20', true, 'a Friday'],
		['2026-11-21', false, 'a Saturday'],
		['2026-10-02', false, 'National Day, a Friday'],
		['2026-10-10', true, 'the make-up Saturday after National Day'],
		['2026-02-14', true, 'the make-up Saturday before the Spring Festival'],
		['2026-02-23', false, 'the last day of the Spring Festival, a Monday']
	])('%s is a working day: %s (%s)', (day, working) => {
		const [year, month, date] = day.split('-').map(Number) as [number, number, number];
		expect(isWorkingDay(office, { year, month, day: date })).toBe(working);
	});

	it.each([
		['2026-11-20 17:29', true],
		['2026-11-20 17:30', false],
		['2026-11-20 17:31', false],
		['2026-11-20 07:59', false],
		['2026-11-20 08:00', true],
		['2026-11-21 10:00', false],
		['2026-10-02 10:00', false],
		['2026-10-10 10:00', true]
	])('%s falls within 08:00–17:30 on a working day: %s', (wall, inside) => {
		expect(withinDailyWindow(office, sh(wall), { start: '08:00', end: '17:30' }, true)).toBe(
			inside
		);
	});

	it.each([
		[
			'from Friday 10:00, two working days reach Tuesday 10:00',
			'2026-11-20 10:00',
			'2026-11-24 10:00'
		],
		[
			'from the eve of National Day, the week off is skipped',
			'2026-09-30 10:00',
			'2026-10-09 10:00'
		],
		['the make-up Saturday counts', '2026-10-09 10:00', '2026-10-12 10:00'],
		[
			'from a Friday evening, the count starts Monday morning',
			'2026-11-20 19:00',
			'2026-11-24 17:30'
		],
		['across the Spring Festival and its make-up Saturday', '2026-02-13 12:00', '2026-02-24 12:00']
	])('%s', (_, from, to) => {
		const twoDays = 2 * workingDayMs(office);
		expect(addWorkingMs(office, sh(from), twoDays)).toBe(sh(to));
		expect(workingMsBetween(office, sh(from), sh(to))).toBe(twoDays);
	});

	it('skips a lunch break both ways', () => {
		expect(workingDayMs(lunch)).toBe(7.5 * HOUR);
		expect(addWorkingMs(lunch, sh('2026-11-23 11:30'), HOUR)).toBe(sh('2026-11-23 14:00'));
		expect(workingMsBetween(lunch, sh('2026-11-23 11:00'), sh('2026-11-23 14:00'))).toBe(
			1.5 * HOUR
		);
		// Tuesday's end runs on to Monday next week: the lunch calendar works two days a week.
		expect(addWorkingMs(lunch, sh('2026-11-24 17:00'), HOUR)).toBe(sh('2026-11-30 09:00'));
	});

	it('counts on the site clock in any zone without daylight saving', () => {
		const kolkata = cnCalendar(undefined, 'Asia/Kolkata');
		const nineThirty = Date.parse('2026-11-23T09:30:00+05:30');
		expect(withinDailyWindow(kolkata, nineThirty, { start: '08:00', end: '17:30' }, true)).toBe(
			true
		);
		expect(addWorkingMs(kolkata, nineThirty, 8 * HOUR)).toBe(
			Date.parse('2026-11-23T17:30:00+05:30')
		);
	});

	it('keeps working hours on the wall clock across a daylight-saving change', () => {
		const berlin = {
			timeZone: 'Europe/Berlin',
			hours: { 5: [{ start: '09:00', end: '17:00' }], 1: [{ start: '09:00', end: '17:00' }] },
			days: new Map()
		};
		// Friday 23 October, 16:00 (UTC+2) → Monday 26 October, 10:00 (UTC+1) is two working hours.
		expect(addWorkingMs(berlin, Date.parse('2026-10-23T16:00:00+02:00'), 2 * HOUR)).toBe(
			Date.parse('2026-10-26T10:00:00+01:00')
		);
	});

	it('gives up rather than looping when the calendar has no working time', () => {
		const never = { timeZone: 'Asia/Shanghai', hours: {}, days: new Map() };
		expect(addWorkingMs(never, sh('2026-11-20 10:00'), HOUR)).toBeNull();
		expect(workingMsBetween(never, sh('2026-11-20 10:00'), sh('2026-12-20 10:00'))).toBe(0);
	});
});

describe('working-time arithmetic, for any instants', () => {
	const instant = fc.integer({ min: sh('2025-01-01 00:00'), max: sh('2026-12-31 00:00') });
	const duration = fc.integer({ min: 0, max: 40 * 9.5 * HOUR });
	const calendars = fc.constantFrom(office, lunch);

	it('never counts more working time than calendar time', () => {
		fc.assert(
			fc.property(calendars, instant, instant, (calendar, a, b) => {
				const [from, to] = a <= b ? [a, b] : [b, a];
				expect(workingMsBetween(calendar, from, to)).toBeLessThanOrEqual(to - from);
			}),
			{ numRuns: 200 }
		);
	});

	it('measures back exactly what was added', () => {
		fc.assert(
			fc.property(calendars, instant, duration, (calendar, from, ms) => {
				const to = addWorkingMs(calendar, from, ms);
				expect(to).not.toBeNull();
				expect(workingMsBetween(calendar, from, to ?? from)).toBe(ms);
			}),
			{ numRuns: 200 }
		);
	});

	it('adds up: from a to b, then b to c, is from a to c', () => {
		fc.assert(
			fc.property(calendars, instant, instant, instant, (calendar, x, y, z) => {
				const [a, b, c] = [x, y, z].sort((p, q) => p - q) as [number, number, number];
				expect(workingMsBetween(calendar, a, b) + workingMsBetween(calendar, b, c)).toBe(
					workingMsBetween(calendar, a, c)
				);
			}),
			{ numRuns: 200 }
		);
	});
});
