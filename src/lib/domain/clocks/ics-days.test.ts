import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { CN_CALENDAR_DAYS } from './cn-holidays.js';
import { parseIcsDays } from './ics-days.js';

const require = createRequire(import.meta.url);
const published2026 = readFileSync(require.resolve('chinese-days/dist/years/2026.ics'), 'utf8');

describe('reading holidays from an .ics file', () => {
	it('reads the published 2026 calendar exactly as the shipped data has it', () => {
		const { days, skipped } = parseIcsDays(published2026);
		expect(skipped).toBe(0);
		const shipped = CN_CALENDAR_DAYS.filter(([day]) => day.startsWith('2026')).map(
			([day, kind, name]) => ({ day, kind, name })
		);
		expect(days.map(({ day, kind }) => ({ day, kind }))).toEqual(
			shipped.map(({ day, kind }) => ({ day, kind }))
		);
		expect(days.find((d) => d.day === '2026-10-01')?.name).toBe('国庆节');
		expect(days.find((d) => d.day === '2026-10-10')).toEqual({
			day: '2026-10-10',
			kind: 'workday',
			name: '国庆节'
		});
	});

	it('reads folded lines, CRLF, date-times and a generic calendar’s events as holidays', () => {
		const ics = [
			'BEGIN:VCALENDAR',
			'BEGIN:VEVENT',
			'DTSTART;VALUE=DATE:20271001',
			'DTEND;VALUE=DATE:20271003',
			'SUMMARY:National',
			'  Day',
			'END:VEVENT',
			'BEGIN:VEVENT',
			'DTSTART:20270925T000000',
			'SUMMARY:Make-up workday',
			'END:VEVENT',
			'BEGIN:VEVENT',
			'SUMMARY:no date',
			'END:VEVENT',
			'END:VCALENDAR'
		].join('\r\n');
		expect(parseIcsDays(ics)).toEqual({
			days: [
				{ day: '2027-09-25', kind: 'workday', name: 'Make-up workday' },
				{ day: '2027-10-01', kind: 'holiday', name: 'National Day' },
				{ day: '2027-10-02', kind: 'holiday', name: 'National Day' }
			],
			skipped: 1
		});
	});

	it('reads a holiday as a holiday even when its description quotes the make-up days', () => {
		const ics = [
			'BEGIN:VEVENT',
			'DTSTART;VALUE=DATE:20270206',
			'DTEND;VALUE=DATE:20270208',
			'SUMMARY:春节(休)',
			'DESCRIPTION:2月6日至13日放假调休，共8天。2月14日（周日）上班。',
			'END:VEVENT',
			'BEGIN:VEVENT',
			'DTSTART;VALUE=DATE:20270214',
			'SUMMARY:春节 补班',
			'END:VEVENT',
			'BEGIN:VEVENT',
			'DTSTART;VALUE=DATE:00000101',
			'SUMMARY:year zero',
			'END:VEVENT'
		].join('\n');
		expect(parseIcsDays(ics)).toEqual({
			days: [
				{ day: '2027-02-06', kind: 'holiday', name: '春节' },
				{ day: '2027-02-07', kind: 'holiday', name: '春节' },
				{ day: '2027-02-14', kind: 'workday', name: '春节 补班' }
			],
			skipped: 1
		});
	});

	it('finds nothing in a file that is not a calendar', () => {
		expect(parseIcsDays('hello\nworld')).toEqual({ days: [], skipped: 0 });
		expect(parseIcsDays('BEGIN:VEVENT\nDTSTART:20270230\nEND:VEVENT').skipped).toBe(1);
	});
});
