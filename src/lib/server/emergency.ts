import { and, asc, eq } from 'drizzle-orm';
import type { EmergencyKind, EmergencyPlace } from '../domain/emergency.js';
import type { Queryable } from './db/client.js';
import { buildings, tickets, units } from './db/schema/index.js';
import { fileTicket, type Ticket } from './tickets.js';

/** A building as the emergency form offers it: which, what it is called, how high. */
export interface EmergencyBuildingChoice {
	id: string;
	code: string;
	name: string;
	nameEn: string;
	floors: number;
}

/** A home the "use my home" picker offers: codes and where it is, never who lives there. */
export interface EmergencyHome {
	id: string;
	buildingId: string;
	building: string;
	entrance: string;
	floor: number;
	room: string;
}

export function emergencyBuildings(
	db: Queryable,
	siteId: string
): Promise<EmergencyBuildingChoice[]> {
	return db
		.select({
			id: buildings.id,
			code: buildings.code,
			name: buildings.name,
			nameEn: buildings.nameEn,
			floors: buildings.floors
		})
		.from(buildings)
		.where(eq(buildings.siteId, siteId))
		.orderBy(asc(buildings.sortOrder), asc(buildings.code));
}

export function emergencyHomes(db: Queryable, siteId: string): Promise<EmergencyHome[]> {
	return db
		.select({
			id: units.id,
			buildingId: units.buildingId,
			building: buildings.code,
			entrance: units.entrance,
			floor: units.floor,
			room: units.room
		})
		.from(units)
		.innerJoin(buildings, eq(buildings.id, units.buildingId))
		.where(eq(units.siteId, siteId))
		.orderBy(asc(buildings.sortOrder), asc(units.entrance), asc(units.floor), asc(units.room));
}

/**
 * Files a call for help from the kiosk: the place as given (not tied to a household: nobody had
 * to prove who they are), urgent, on the kiosk channel. The kiosk's key makes a double tap or a
 * retry file one emergency. Its `ticket.filed` event reaches every console at the site at once.
 * `filed` is false when the key had filed it already (a retry): whatever follows a filing, such as
 * texting the directors, happens once.
 */
export async function fileEmergency(
	db: Queryable,
	input: {
		siteId: string;
		deviceId: string;
		kind: EmergencyKind;
		place: EmergencyPlace;
		idempotencyKey: string;
	}
): Promise<{ ticket: Ticket; filed: boolean }> {
	const id = crypto.randomUUID();
	const ticket = await fileTicket(db, {
		id,
		siteId: input.siteId,
		type: 'emergency',
		category: input.kind,
		channel: 'kiosk',
		location: {
			buildingId: input.place.buildingId,
			floor: input.place.floor,
			room: input.place.room,
			note: input.place.note
		},
		description: input.place.note,
		priority: 'urgent',
		idempotencyKey: input.idempotencyKey,
		actor: { kind: 'device', deviceId: input.deviceId }
	});
	return { ticket, filed: ticket.id === id };
}

/** What the kiosk that called for help shows back: the number, the kind, the place, the status. */
export async function emergencyReceipt(
	db: Queryable,
	input: { siteId: string; deviceId: string; serial: string }
) {
	const [ticket] = await db
		.select({
			serial: tickets.serial,
			type: tickets.type,
			category: tickets.category,
			status: tickets.status,
			location: tickets.location,
			buildingCode: buildings.code,
			createdAt: tickets.createdAt
		})
		.from(tickets)
		.leftJoin(buildings, eq(buildings.id, tickets.buildingId))
		.where(
			and(
				eq(tickets.siteId, input.siteId),
				eq(tickets.serial, input.serial),
				// Only the kiosk that called shows the place back, and only its own calls.
				eq(tickets.createdByDeviceId, input.deviceId),
				eq(tickets.type, 'emergency')
			)
		);
	if (!ticket) return null;
	const { location, ...rest } = ticket;
	return { ...rest, floor: location?.floor ?? '', room: location?.room ?? '' };
}
