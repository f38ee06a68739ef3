import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	checkEmergency,
	EMERGENCY_KINDS,
	homeRoom,
	NOTE_MAX,
	parseFloor,
	ROOM_MAX,
	type EmergencyForm
} from './emergency.js';

const BUILDINGS = [
	{ id: 'b1', floors: 5 },
	{ id: 'b2', floors: 18 }
];
const good: EmergencyForm = { kind: 'medical', buildingId: 'b1', floor: '5', room: '', note: '' };

describe('an emergency call', () => {
	it('needs only the kind, the building and the floor', () => {
		expect(checkEmergency(good, BUILDINGS)).toEqual({
			ok: true,
			kind: 'medical',
			place: { buildingId: 'b1', floor: '5', room: '', note: '' }
		});
	});

	it('accepts each of the five kinds', () => {
		expect(EMERGENCY_KINDS).toEqual(['medical', 'fire', 'flooding', 'security', 'other']);
		for (const kind of EMERGENCY_KINDS) {
			expect(checkEmergency({ ...good, kind }, BUILDINGS)).toMatchObject({ ok: true, kind });
		}
	});

	it('names every missing field at once', () => {
		expect(
			checkEmergency({ kind: '', buildingId: '', floor: ' ', room: '', note: '' }, BUILDINGS)
		).toEqual({
			ok: false,
			errors: {
				kind: 'emergencyKindRequired',
				buildingId: 'emergencyBuildingRequired',
				floor: 'emergencyFloorRequired'
			}
		});
	});

	it('refuses a kind or a building it does not know', () => {
		expect(checkEmergency({ ...good, kind: 'water' }, BUILDINGS)).toMatchObject({
			errors: { kind: 'emergencyKindRequired' }
		});
		expect(checkEmergency({ ...good, buildingId: 'elsewhere' }, BUILDINGS)).toMatchObject({
			errors: { buildingId: 'emergencyBuildingRequired' }
		});
	});

	it('keeps the room and the note, trimmed, within their lengths', () => {
		expect(
			checkEmergency({ ...good, room: ' 2-502 ', note: ' 老人摔倒了 ' }, BUILDINGS)
		).toMatchObject({ ok: true, place: { room: '2-502', note: '老人摔倒了' } });
		expect(
			checkEmergency(
				{ ...good, room: '房'.repeat(ROOM_MAX + 1), note: '字'.repeat(NOTE_MAX + 1) },
				BUILDINGS
			)
		).toEqual({
			ok: false,
			errors: { room: 'emergencyRoomTooLong', note: 'emergencyNoteTooLong' }
		});
		// Measured in characters, not UTF-16 units.
		expect(checkEmergency({ ...good, note: '🚒'.repeat(NOTE_MAX) }, BUILDINGS)).toMatchObject({
			ok: true
		});
	});
});

describe('a floor', () => {
	it.each([
		['5', 5, '5'],
		[' 05 ', 5, '5'],
		['5层', 5, '5'],
		['5楼', 5, '5'],
		['5f', 5, '5'],
		['18', 18, '18'],
		['B1', 5, 'B1'],
		['b2', 5, 'B2'],
		['-1', 5, 'B1']
	])('reads %j in a %i-floor building as %s', (text, floors, floor) => {
		expect(parseFloor(text, floors)).toEqual({ ok: true, floor });
	});

	it.each([
		['', 'emergencyFloorRequired'],
		['   ', 'emergencyFloorRequired'],
		['five', 'emergencyFloorInvalid'],
		['5.5', 'emergencyFloorInvalid'],
		['1234', 'emergencyFloorInvalid'],
		['0', 'emergencyFloorOutOfRange'],
		['6', 'emergencyFloorOutOfRange'],
		['B4', 'emergencyFloorOutOfRange'],
		['B0', 'emergencyFloorOutOfRange']
	])('refuses %j in a 5-floor building', (text, error) => {
		expect(parseFloor(text, 5)).toEqual({ ok: false, error });
	});

	it('checks the range only once the building is known', () => {
		expect(parseFloor('30', null)).toEqual({ ok: true, floor: '30' });
		expect(checkEmergency({ ...good, buildingId: '', floor: '30' }, BUILDINGS)).toEqual({
			ok: false,
			errors: { buildingId: 'emergencyBuildingRequired' }
		});
	});

	it('accepts every floor of the building and nothing above it', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 99 }), (floors, n) => {
				expect(parseFloor(String(n), floors).ok).toBe(n <= floors);
			})
		);
	});
});

describe('a home as the room', () => {
	it('puts the entrance before the room, as 2-502 is said', () => {
		expect(homeRoom('2', '502')).toBe('2-502');
	});
});
