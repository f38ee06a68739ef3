import { describe, expect, it } from 'vitest';
import { currentLocks, lockedHomeOf, minutesLeft, type LockedHome } from './home-locks.js';

const until = '2026-11-23T02:10:00.000Z';
const event = {
	type: 'kiosk.unit_locked',
	data: {
		unitId: 'u-301',
		home: { building: '1', entrance: '2', room: '301' },
		until
	}
};
const lock = (unitId: string, at: number): LockedHome => ({
	unitId,
	building: '1',
	entrance: '2',
	room: unitId,
	until: at
});

describe('a home locked on the kiosks', () => {
	it('is read from the lock event with its place and end', () => {
		expect(lockedHomeOf(event)).toEqual({
			unitId: 'u-301',
			building: '1',
			entrance: '2',
			room: '301',
			until: Date.parse(until)
		});
	});

	it('is nothing when the event is another, or lacks the place or the end (older events)', () => {
		expect(lockedHomeOf({ ...event, type: 'ticket.filed' })).toBeNull();
		expect(lockedHomeOf({ ...event, data: { unitId: 'u-301', until } })).toBeNull();
		expect(lockedHomeOf({ ...event, data: { ...event.data, home: null } })).toBeNull();
		expect(
			lockedHomeOf({ ...event, data: { ...event.data, home: { building: '1', entrance: '2' } } })
		).toBeNull();
		expect(lockedHomeOf({ ...event, data: { ...event.data, until: 'soon' } })).toBeNull();
		expect(lockedHomeOf({ ...event, data: { ...event.data, unitId: 7 } })).toBeNull();
	});

	it('counts while its lock lasts, once per home with the latest end, soonest first', () => {
		const now = 1_000;
		expect(
			currentLocks(
				[lock('a', 5_000), lock('b', 900), lock('c', 3_000), lock('a', 4_000), lock('d', 1_000)],
				now
			)
		).toEqual([lock('c', 3_000), lock('a', 5_000)]);
		expect(currentLocks([], now)).toEqual([]);
	});

	it('tells the owner the whole minutes left, at least one', () => {
		const now = new Date('2026-11-23T02:00:00Z');
		expect(minutesLeft(new Date('2026-11-23T02:10:00Z'), now)).toBe(10);
		expect(minutesLeft(new Date('2026-11-23T02:09:01Z'), now)).toBe(10);
		expect(minutesLeft(new Date('2026-11-23T02:09:00Z'), now)).toBe(9);
		expect(minutesLeft(new Date('2026-11-23T02:00:05Z'), now)).toBe(1);
		expect(minutesLeft(now, now)).toBe(1);
	});
});
