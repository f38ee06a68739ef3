import type { Messages } from '#lib/i18n/messages.js';
import type { StaffTicket } from '#lib/realtime/stream.js';

/** Where to go: the place given with the call, else the home it was filed for, else its building. */
export function emergencyPlace(m: Messages, t: StaffTicket): string {
	if (t.location) {
		return m.emergencyPlace({
			building: t.location.buildingCode ?? t.buildingCode ?? '—',
			floor: t.location.floor,
			room: t.location.room
		});
	}
	if (t.buildingCode && t.entrance && t.room) {
		return m.unitLabel({ building: t.buildingCode, entrance: t.entrance, room: t.room });
	}
	return t.buildingCode ?? '—';
}
