import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { OPEN_STATUSES, PUBLIC_TICKET_FIELDS } from '../../src/lib/domain/public-ticket.js';
import {
	buildings,
	households,
	residents,
	staffUsers,
	tickets,
	units
} from '../../src/lib/server/db/schema/index.js';
import { appendEvent, SYSTEM, type Actor } from '../../src/lib/server/event-log.js';
import { EVENTS_CHANNEL, parseEventNotice } from '../../src/lib/server/realtime/channels.js';
import { EventForwarder } from '../../src/lib/server/realtime/forwarder.js';
import { headSeq, loadMessages, loadSnapshot } from '../../src/lib/server/realtime/projections.js';
import type { ProjectedMessage } from '../../src/lib/server/realtime/projections.js';
import { defaultSite } from '../../src/lib/server/sites.js';
import { actOnTicket } from '../../src/lib/server/ticket-workflow.js';
import { NO_VALUES } from '../../src/lib/domain/ticket-action-input.js';
import { fileTicket } from '../../src/lib/server/tickets.js';
import { createDemoDatabase, type TestDatabase } from '../helpers/test-database.js';

let database: TestDatabase;
let siteId: string;
let assistant: Actor & { staffId: string };
let assistantName: string;
let home: { unitId: string; entrance: string; room: string; buildingCode: string };
let resident: { id: string; name: string };

beforeAll(async () => {
	database = await createDemoDatabase();
	const site = await defaultSite(database.db);
	if (!site) throw new Error('no demo site');
	siteId = site.id;
	const [user] = await database.db
		.select()
		.from(staffUsers)
		.where(eq(staffUsers.username, 'assistant'));
	if (!user) throw new Error('no assistant');
	assistant = { kind: 'staff', staffId: user.id };
	assistantName = user.displayName;
	const [row] = await database.db
		.select({
			unitId: units.id,
			entrance: units.entrance,
			room: units.room,
			buildingCode: buildings.code,
			residentId: residents.id,
			residentName: residents.name
		})
		.from(units)
		.innerJoin(buildings, eq(buildings.id, units.buildingId))
		.innerJoin(households, and(eq(households.unitId, units.id), isNull(households.movedOutOn)))
		.innerJoin(residents, eq(residents.householdId, households.id))
		.orderBy(asc(units.floor), asc(units.room))
		.limit(1);
	if (!row) throw new Error('no occupied unit');
	home = row;
	resident = { id: row.residentId, name: row.residentName };
});
afterAll(() => database.dispose());

const fileRepair = () =>
	fileTicket(database.db, {
		siteId,
		type: 'repair',
		category: 'power',
		channel: 'phone',
		unitId: home.unitId,
		reporterResidentId: resident.id,
		description: '卧室灯不亮',
		actor: assistant
	});

/** A committed event of the site that is about no ticket; returns its seq. */
const note = (type = 'test.note') =>
	database.db.transaction((tx) => appendEvent(tx, { siteId, type, actor: SYSTEM }));

/** A forwarder that collects what it would send to the sockets. */
function collecting() {
	const emitted: ProjectedMessage[] = [];
	const forwarder = new EventForwarder(database.db, (site, message) => {
		expect(site).toBe(siteId);
		emitted.push(message);
	});
	return { forwarder, emitted };
}

const sortedKeys = (o: object | null) => Object.keys(o ?? {}).sort();

describe('the message for a claimed ticket', () => {
	let message: ProjectedMessage;
	let serial: string;

	beforeAll(async () => {
		const ticket = await fileRepair();
		serial = ticket.serial;
		const before = await headSeq(database.db, siteId);
		const claimed = await actOnTicket(database.db, {
			siteId,
			ticketId: ticket.id,
			action: 'claim',
			actor: { staffId: assistant.staffId, role: 'assistant' },
			values: NO_VALUES
		});
		expect(claimed.ok).toBe(true);
		const messages = await loadMessages(database.db, siteId, before, 10);
		expect(messages.map((m) => m.seq)).toEqual([before + 1]);
		if (!messages[0]) throw new Error('no message');
		message = messages[0];
	});

	it('tells staff what happened, who did it and who reported the ticket', () => {
		expect(message.staff.event).toMatchObject({
			type: 'ticket.claimed',
			actorName: assistantName,
			data: { serial }
		});
		expect(message.staff.ticket).toMatchObject({
			serial,
			status: 'accepted',
			assigneeName: assistantName,
			reporterName: resident.name,
			room: home.room,
			entrance: home.entrance
		});
	});

	it('shows the lobby only the public fields and no event', () => {
		expect(message.public.event).toBeNull();
		expect(sortedKeys(message.public.ticket)).toEqual([...PUBLIC_TICKET_FIELDS].sort());
		expect(message.public.ticket).toMatchObject({
			serial,
			status: 'accepted',
			buildingCode: home.buildingCode
		});
		const sent = JSON.stringify(message.public);
		expect(sent).not.toContain(resident.name);
		expect(sent).not.toContain(assistantName);
	});

	it('shows the staff room where the ticket is, but not who is involved', () => {
		expect(message.staff_room.event).toBeNull();
		expect(sortedKeys(message.staff_room.ticket)).toEqual(
			[...PUBLIC_TICKET_FIELDS, 'entrance', 'room'].sort()
		);
		expect(message.staff_room.ticket).toMatchObject({ room: home.room, entrance: home.entrance });
		const sent = JSON.stringify(message.staff_room);
		expect(sent).not.toContain(resident.name);
		expect(sent).not.toContain(assistantName);
	});

	it('still arrives, empty, for a change that is about no ticket', async () => {
		const seq = await note();
		const [empty] = await loadMessages(database.db, siteId, seq - 1, 10);
		expect(empty).toMatchObject({
			seq,
			staff: { seq, ticket: null, event: { type: 'test.note', actorName: null } },
			staff_room: { seq, ticket: null, event: null },
			public: { seq, ticket: null, event: null }
		});
	});
});

describe('the snapshot a new screen starts from', () => {
	it('stands at the site’s latest seq and lists only the open tickets', async () => {
		const open = await fileRepair();
		const done = await fileRepair();
		await database.db.update(tickets).set({ status: 'closed' }).where(eq(tickets.id, done.id));

		const snapshot = await loadSnapshot(database.db, siteId, 'public');
		expect(snapshot.seq).toBe(await headSeq(database.db, siteId));
		const serials = snapshot.tickets.map((t) => t.serial);
		expect(serials).toContain(open.serial);
		expect(serials).not.toContain(done.serial);

		const openRows = await database.db
			.select({ serial: tickets.serial })
			.from(tickets)
			.where(and(eq(tickets.siteId, siteId), inArray(tickets.status, [...OPEN_STATUSES])));
		expect([...serials].sort()).toEqual(openRows.map((t) => t.serial).sort());
		for (const ticket of snapshot.tickets) {
			expect(sortedKeys(ticket)).toEqual([...PUBLIC_TICKET_FIELDS].sort());
		}
	});
});

describe('forwarding committed events to the sockets', () => {
	it('sends each noticed event once, in order', async () => {
		const { forwarder, emitted } = collecting();
		const seqs: number[] = [];
		for (let i = 0; i < 4; i++) {
			const seq = await note(`test.burst.${i}`);
			seqs.push(seq);
			forwarder.notice(siteId, seq);
		}
		await forwarder.idle();
		expect(emitted.map((m) => m.seq)).toEqual(seqs);
		expect(emitted.map((m) => m.staff.event.type)).toEqual([
			'test.burst.0',
			'test.burst.1',
			'test.burst.2',
			'test.burst.3'
		]);
	});

	it('sends an event once when its notice arrives twice', async () => {
		const { forwarder, emitted } = collecting();
		const seq = await note();
		forwarder.notice(siteId, seq);
		forwarder.notice(siteId, seq);
		await forwarder.idle();
		forwarder.notice(siteId, seq);
		await forwarder.idle();
		expect(emitted.map((m) => m.seq)).toEqual([seq]);
	});

	it('reads nothing more once stopped, however many notices were queued', async () => {
		let reads = 0;
		const counted = new Proxy(database.db, {
			get: (target, name, receiver) => {
				if (name === 'select') reads += 1;
				return Reflect.get(target, name, receiver) as unknown;
			}
		});
		const forwarder = new EventForwarder(counted, () => {});
		const seq = await note('test.before-stop');
		// A burst's notices, each a read of its own, still queued when the server stops: after
		// it, the database closes and each of them would fail.
		for (let i = 0; i < 50; i++) forwarder.notice(siteId, seq);
		await forwarder.stop();
		forwarder.notice(siteId, seq + 1);
		await forwarder.idle();
		expect(reads).toBeLessThanOrEqual(1);
	});

	it('never sends an event whose transaction threw', async () => {
		const { forwarder, emitted } = collecting();
		const notices: string[] = [];
		const unlisten = await database.listen(EVENTS_CHANNEL, (payload) => {
			notices.push(payload);
			const notice = parseEventNotice(payload);
			if (notice) forwarder.notice(notice.siteId, notice.seq);
		});
		try {
			let abandoned = 0;
			await expect(
				database.db.transaction(async (tx) => {
					abandoned = await appendEvent(tx, { siteId, type: 'test.abandoned', actor: SYSTEM });
					throw new Error('changed my mind');
				})
			).rejects.toThrow('changed my mind');
			// Even a stray notice for it finds nothing to send.
			forwarder.notice(siteId, abandoned);
			await forwarder.idle();
			expect(emitted).toEqual([]);

			const kept = await note('test.kept');
			await vi.waitFor(() => expect(notices).toContain(`${siteId}:${kept}`));
			await forwarder.idle();
			expect(notices).toEqual([`${siteId}:${kept}`]);
			expect(emitted.map((m) => [m.seq, m.staff.event.type])).toEqual([[kept, 'test.kept']]);
		} finally {
			await unlisten();
		}
	});
});
