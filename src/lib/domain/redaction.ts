import type { PublicClock, PublicTicket } from './public-ticket.js';
import type { RoomTicket, StaffLocation, StaffTicket } from '../realtime/stream.js';
import type { CareFlag, Channel, Priority, TicketStatus, TicketType } from './vocabulary.js';

/** Everything known about a ticket that any audience might be shown. */
export interface TicketRecord {
	id: string;
	serial: string;
	type: TicketType;
	category: string;
	status: TicketStatus;
	priority: Priority;
	channel: Channel;
	careFlags: CareFlag[];
	buildingCode: string | null;
	entrance: string | null;
	room: string | null;
	assigneeName: string | null;
	reporterName: string | null;
	/** An emergency's place as given: staff only. */
	location: StaffLocation | null;
	filedAt: number;
	clocks: PublicClock[];
}

/**
 * The lobby's view: codes, a building and a time, copied field by field so that nothing added to
 * the record later can slip through.
 */
export function toPublicTicket(t: TicketRecord): PublicTicket {
	return {
		serial: t.serial,
		type: t.type,
		category: t.category,
		buildingCode: t.buildingCode,
		status: t.status,
		filedAt: t.filedAt,
		clocks: t.clocks.map((c) => ({
			key: c.key,
			deadline: c.deadline,
			atRiskAt: c.atRiskAt,
			stoppedAt: c.stoppedAt,
			pausedAt: c.pausedAt,
			pausedLeftMs: c.pausedLeftMs
		}))
	};
}

/** The staff room's view: the lobby's plus the entrance and room, never a name or phone. */
export function toRoomTicket(t: TicketRecord): RoomTicket {
	return { ...toPublicTicket(t), entrance: t.entrance, room: t.room };
}

export function toStaffTicket(t: TicketRecord): StaffTicket {
	return {
		...toRoomTicket(t),
		id: t.id,
		priority: t.priority,
		channel: t.channel,
		careFlags: t.careFlags,
		assigneeName: t.assigneeName,
		reporterName: t.reporterName,
		location: t.location && {
			buildingCode: t.location.buildingCode,
			floor: t.location.floor,
			room: t.location.room,
			note: t.location.note
		}
	};
}
