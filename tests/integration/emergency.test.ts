import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_TICKET_FIELDS } from '../../src/lib/domain/public-ticket.js';
import { NO_VALUES } from '../../src/lib/domain/ticket-action-input.js';
import { events, staffUsers, tickets } from '../../src/lib/server/db/schema/index.js';
import { registerDevice } from '../../src/lib/server/devices.js';
import {
	emergencyBuildings,
	emergencyHomes,
	emergencyReceipt,
	fileEmergency
} from '../../src/lib/server/emergency.js';
import {
	headSeq,
	loadMessages,
	loadSnapshot,
	type ProjectedMessage
} from '../../src/lib/server/realtime/projections.js';
import { directorPhones, textDirectors } from '../../src/lib/server/emergency-texts.js';
import { smsSender, type SmsSender, type TextMessage } from '../../src/lib/server/notify/sms.js';
import { defaultSite } from '../../src/lib/server/sites.js';
import { createStaff, setOwnPhone } from '../../src/lib/server/staff.js';
import type { Ticket } from '../../src/lib/server/tickets.js';
import { actOnTicket } from '../../src/lib/server/ticket-workflow.js';
import { createDemoDatabase, staffIdOf, type TestDatabase } from '../helpers/test-database.js';

let database: TestDatabase;
let siteId: string;
let kioskId: string;
let otherKioskId: string;
let building: { id: string; code: string };

const PLACE = { floor: '4', room: '2-401', note: '楼梯间有人摔倒，头部流血' };

beforeAll(async () => {
	database = await createDemoDatabase();
	siteId = (await defaultSite(database.db))?.id ?? '';
	const kiosk = (name: string) =>
		registerDevice(database.db, {
			siteId,
			kind: 'kiosk',
			audience: 'lobby',
			name,
			actor: { kind: 'system' }
		});
	kioskId = (await kiosk('lobby kiosk')).device.id;
	otherKioskId = (await kiosk('gate kiosk')).device.id;
	const buildings = await emergencyBuildings(database.db, siteId);
	const second = buildings[1];
	if (!second) throw new Error('the demo has two buildings');
	building = second;
});
afterAll(() => database.dispose());

const file = (idempotencyKey: string = crypto.randomUUID()) =>
	fileEmergency(database.db, {
		siteId,
		deviceId: kioskId,
		kind: 'medical',
		place: { buildingId: building.id, ...PLACE },
		idempotencyKey
	});
const call = async (idempotencyKey?: string) => (await file(idempotencyKey)).ticket;

describe('a call for help from the kiosk', () => {
	let ticket: Ticket;
	let message: ProjectedMessage;

	beforeAll(async () => {
		const before = await headSeq(database.db, siteId);
		ticket = await call();
		const messages = await loadMessages(database.db, siteId, before, 10);
		expect(messages).toHaveLength(1);
		if (!messages[0]) throw new Error('no message');
		message = messages[0];
	});

	it('is filed urgent, on the kiosk channel, with the place as given and no household', async () => {
		expect(ticket).toMatchObject({
			type: 'emergency',
			category: 'medical',
			status: 'new',
			priority: 'urgent',
			channel: 'kiosk',
			buildingId: building.id,
			unitId: null,
			householdId: null,
			reporterResidentId: null,
			createdByDeviceId: kioskId,
			location: { buildingId: building.id, ...PLACE }
		});
		expect(ticket.serial).toMatch(/^E-\d{8}-\d{3}$/);
		const [filed] = await database.db.select().from(events).where(eq(events.ticketId, ticket.id));
		expect(filed).toMatchObject({
			type: 'ticket.filed',
			actorKind: 'device',
			actorDeviceId: kioskId
		});
	});

	it('reaches staff with where to go: building, floor, room and note', () => {
		expect(message.staff.event).toMatchObject({
			type: 'ticket.filed',
			data: { serial: ticket.serial }
		});
		expect(message.staff.ticket).toMatchObject({
			serial: ticket.serial,
			type: 'emergency',
			category: 'medical',
			status: 'new',
			priority: 'urgent',
			buildingCode: building.code,
			location: { buildingCode: building.code, ...PLACE }
		});
	});

	it('reaches the lobby and the staff room with its building and nothing finer', () => {
		expect(Object.keys(message.public.ticket ?? {}).sort()).toEqual(
			[...PUBLIC_TICKET_FIELDS].sort()
		);
		expect(message.public.ticket).toMatchObject({ buildingCode: building.code, type: 'emergency' });
		expect(message.staff_room.ticket).toMatchObject({
			buildingCode: building.code,
			entrance: null,
			room: null
		});
		for (const payload of [message.public, message.staff_room]) {
			expect(payload.event).toBeNull();
			expect(payload.ticket).not.toHaveProperty('location');
			const text = JSON.stringify(payload);
			for (const given of [PLACE.room, PLACE.note, '摔倒']) expect(text).not.toContain(given);
		}
	});

	it('is in every audience’s snapshot, the place only in the staff one', async () => {
		const staff = await loadSnapshot(database.db, siteId, 'staff');
		expect(staff.tickets.find((t) => t.serial === ticket.serial)?.location).toEqual({
			buildingCode: building.code,
			...PLACE
		});
		for (const audience of ['public', 'staff_room'] as const) {
			const snapshot = await loadSnapshot(database.db, siteId, audience);
			const found = snapshot.tickets.find((t) => t.serial === ticket.serial);
			expect(found).toMatchObject({ buildingCode: building.code });
			expect(JSON.stringify(found)).not.toContain(PLACE.note);
			expect(JSON.stringify(found)).not.toContain(PLACE.room);
		}
	});

	it('shows its receipt on the kiosk that called, and on no other', async () => {
		expect(
			await emergencyReceipt(database.db, { siteId, deviceId: kioskId, serial: ticket.serial })
		).toMatchObject({
			serial: ticket.serial,
			category: 'medical',
			status: 'new',
			buildingCode: building.code,
			floor: PLACE.floor,
			room: PLACE.room
		});
		expect(
			await emergencyReceipt(database.db, { siteId, deviceId: otherKioskId, serial: ticket.serial })
		).toBeNull();
	});

	it('tells every console who took it', async () => {
		const before = await headSeq(database.db, siteId);
		const guard = await staffIdOf(database, 'guard');
		const result = await actOnTicket(database.db, {
			siteId,
			ticketId: ticket.id,
			action: 'claim',
			actor: { staffId: guard, role: 'guard' },
			values: NO_VALUES
		});
		expect(result).toMatchObject({ ok: true, ticket: { status: 'accepted', assigneeId: guard } });
		const [taken] = await loadMessages(database.db, siteId, before, 10);
		expect(taken?.staff.ticket).toMatchObject({
			status: 'accepted',
			assigneeName: expect.any(String) as string,
			location: { buildingCode: building.code, ...PLACE }
		});
		expect(taken?.public.ticket).toMatchObject({ status: 'accepted' });
		expect(JSON.stringify(taken?.public)).not.toContain(taken?.staff.ticket?.assigneeName);
	});
});

describe('the emergency form', () => {
	it('files one emergency for a key sent twice at once (a double tap)', async () => {
		const key = crypto.randomUUID();
		const [a, b] = await Promise.all([file(key), file(key)]);
		expect(a.ticket.id).toBe(b.ticket.id);
		// Exactly one of the two filed it: only that one goes on to text the directors.
		expect([a.filed, b.filed].sort()).toEqual([false, true]);
		expect((await file(key)).filed).toBe(false);
		const rows = await database.db.select().from(tickets).where(eq(tickets.idempotencyKey, key));
		expect(rows).toHaveLength(1);
	});

	it('offers the buildings with their heights, and homes by codes only', async () => {
		const buildings = await emergencyBuildings(database.db, siteId);
		expect(buildings.map((b) => [b.code, b.floors])).toEqual([
			['1', 5],
			['2', 5]
		]);
		const homes = await emergencyHomes(database.db, siteId);
		expect(homes).toHaveLength(40);
		expect(Object.keys(homes[0] ?? {}).sort()).toEqual([
			'building',
			'buildingId',
			'entrance',
			'floor',
			'id',
			'room'
		]);
	});
});

describe('texting the directors', () => {
	let outbox: string;
	let send: SmsSender;
	const texts = async (): Promise<TextMessage[]> => {
		const lines = await readFile(outbox, 'utf8').catch(() => '');
		return lines
			.split('\n')
			.filter(Boolean)
			.map((line) => JSON.parse(line) as TextMessage);
	};
	const textedEvents = async (ticket: Ticket) =>
		(await database.db.select().from(events).where(eq(events.ticketId, ticket.id))).filter(
			(e) => e.type === 'emergency.directors_texted'
		);

	beforeAll(async () => {
		outbox = join(await mkdtemp(join(tmpdir(), 'lobbydesk-sms-')), 'outbox.jsonl');
		send = smsSender({ kind: 'file', path: outbox });
	});

	it('sends nothing and writes nothing while no director has a phone on record', async () => {
		const ticket = await call();
		expect(await directorPhones(database.db, siteId)).toEqual([]);
		expect(await textDirectors(database.db, { ticketId: ticket.id, send })).toEqual({
			recipients: 0,
			sent: 0
		});
		expect(await texts()).toEqual([]);
		expect(await textedEvents(ticket)).toEqual([]);
	});

	it('texts every enabled director with a phone: what, building and floor, the number; never the caller’s words', async () => {
		const director = await staffIdOf(database, 'director');
		await setOwnPhone(database.db, { userId: director, phone: '13900001111' });
		// A supervisor's phone and a disabled director's are not texted.
		await setOwnPhone(database.db, {
			userId: await staffIdOf(database, 'supervisor'),
			phone: '13900002222'
		});
		const created = await createStaff(database.db, {
			siteId,
			username: 'former.director',
			displayName: '前任主任',
			role: 'director',
			actor: { kind: 'system' }
		});
		expect(created.ok).toBe(true);
		const former = await staffIdOf(database, 'former.director');
		await setOwnPhone(database.db, { userId: former, phone: '13900003333' });
		await database.db
			.update(staffUsers)
			.set({ disabledAt: new Date() })
			.where(eq(staffUsers.id, former));

		const ticket = await call();
		expect(await textDirectors(database.db, { ticketId: ticket.id, send })).toEqual({
			recipients: 1,
			sent: 1
		});
		const sent = await texts();
		expect(sent.map((t) => t.to)).toEqual(['13900001111']);
		const text = sent[0]?.text ?? '';
		expect(text).toContain('特别求助');
		expect(text).toContain('医疗急救');
		expect(text).toContain(`${building.code}号楼${PLACE.floor}层`);
		expect(text).toContain(ticket.serial);
		// The room and the note are the caller's words: they stay on the console.
		expect(text).not.toContain(PLACE.room);
		expect(text).not.toContain('摔倒');

		// On the timeline, without any number.
		const [texted] = await textedEvents(ticket);
		expect(texted).toMatchObject({
			actorKind: 'system',
			data: { serial: ticket.serial, recipients: 1, sent: 1 }
		});
		expect(JSON.stringify(texted?.data)).not.toContain('139');
	});

	it('records a gateway that refused, without failing', async () => {
		const ticket = await call();
		const refused: SmsSender = async () => false;
		expect(await textDirectors(database.db, { ticketId: ticket.id, send: refused })).toEqual({
			recipients: 1,
			sent: 0
		});
		expect(await textedEvents(ticket)).toEqual([
			expect.objectContaining({ data: { serial: ticket.serial, recipients: 1, sent: 0 } })
		]);
	});

	it('texts nobody about a ticket that is not an emergency', async () => {
		const before = (await texts()).length;
		const [repair] = await database.db
			.select({ id: tickets.id })
			.from(tickets)
			.where(eq(tickets.type, 'repair'))
			.limit(1);
		if (repair) {
			expect(await textDirectors(database.db, { ticketId: repair.id, send })).toEqual({
				recipients: 0,
				sent: 0
			});
		}
		expect(await textDirectors(database.db, { ticketId: crypto.randomUUID(), send })).toEqual({
			recipients: 0,
			sent: 0
		});
		expect(await texts()).toHaveLength(before);
	});
});
