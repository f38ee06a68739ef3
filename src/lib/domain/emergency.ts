import { TICKET_CATEGORIES } from './ticket-categories.js';

/**
 * 特别求助: someone at the kiosk calls for help. Speed matters more than identity (anyone may call),
 * but the place is mandatory: staff must know where to run (seed 001).
 */
export const EMERGENCY_KINDS = TICKET_CATEGORIES.emergency;
export type EmergencyKind = (typeof EMERGENCY_KINDS)[number];

export function isEmergencyKind(value: string): value is EmergencyKind {
	return (EMERGENCY_KINDS as readonly string[]).includes(value);
}

/** What the kiosk's emergency form sends, as text. */
export interface EmergencyForm {
	kind: string;
	buildingId: string;
	floor: string;
	room: string;
	note: string;
}

export type EmergencyField = keyof EmergencyForm;

export type EmergencyError =
	| 'emergencyKindRequired'
	| 'emergencyBuildingRequired'
	| 'emergencyFloorRequired'
	| 'emergencyFloorInvalid'
	| 'emergencyFloorOutOfRange'
	| 'emergencyRoomTooLong'
	| 'emergencyNoteTooLong';

export const ROOM_MAX = 20;
export const NOTE_MAX = 200;
/** Car parks and plant rooms: B1 to B3 are accepted below ground. */
export const BASEMENT_LEVELS = 3;

/** A building as the form offers it. */
export interface EmergencyBuilding {
	id: string;
	floors: number;
}

/** Where to go, checked and tidied. The floor is `"5"` or, below ground, `"B1"`. */
export interface EmergencyPlace {
	buildingId: string;
	floor: string;
	room: string;
	note: string;
}

/**
 * The floor as people say it: above ground `1`…the building's floors, below ground `B1` (also
 * typed `b1` or `-1`). Returns the tidy form, or why it is not a floor of this building.
 */
export function parseFloor(
	value: string,
	floors: number | null
): { ok: true; floor: string } | { ok: false; error: EmergencyError } {
	const text = value
		.trim()
		.replace(/\s+/g, '')
		.replace(/[层楼F]$/iu, '');
	if (!text) return { ok: false, error: 'emergencyFloorRequired' };
	const below = /^(?:[Bb]|-)(\d{1,2})$/.exec(text);
	if (below) {
		const level = Number(below[1]);
		if (level < 1 || level > BASEMENT_LEVELS)
			return { ok: false, error: 'emergencyFloorOutOfRange' };
		return { ok: true, floor: `B${level}` };
	}
	if (!/^\d{1,3}$/.test(text)) return { ok: false, error: 'emergencyFloorInvalid' };
	const level = Number(text);
	if (level < 1 || (floors !== null && level > floors)) {
		return { ok: false, error: 'emergencyFloorOutOfRange' };
	}
	return { ok: true, floor: String(level) };
}

/**
 * Checks every field at once, so the kiosk can show each message beside its field: the kind, the
 * building (one of the site's) and its floor are required; the room and a note are optional and
 * short.
 */
export function checkEmergency(
	form: EmergencyForm,
	buildings: readonly EmergencyBuilding[]
):
	| { ok: true; kind: EmergencyKind; place: EmergencyPlace }
	| { ok: false; errors: Partial<Record<EmergencyField, EmergencyError>> } {
	const errors: Partial<Record<EmergencyField, EmergencyError>> = {};
	if (!isEmergencyKind(form.kind)) errors.kind = 'emergencyKindRequired';
	const building = buildings.find((b) => b.id === form.buildingId) ?? null;
	if (!building) errors.buildingId = 'emergencyBuildingRequired';
	const floor = parseFloor(form.floor, building?.floors ?? null);
	if (!floor.ok) errors.floor = floor.error;
	const room = form.room.trim();
	if ([...room].length > ROOM_MAX) errors.room = 'emergencyRoomTooLong';
	const note = form.note.trim();
	if ([...note].length > NOTE_MAX) errors.note = 'emergencyNoteTooLong';

	if (!building || !floor.ok || !isEmergencyKind(form.kind) || Object.keys(errors).length) {
		return { ok: false, errors };
	}
	return {
		ok: true,
		kind: form.kind,
		place: { buildingId: building.id, floor: floor.floor, room, note }
	};
}

/** A home's room as the emergency form writes it: the entrance first, as `2-502` is said. */
export function homeRoom(entrance: string, room: string): string {
	return `${entrance}-${room}`;
}
