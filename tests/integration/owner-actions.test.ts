import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OWNER_TIMELINE } from '../../src/lib/domain/owner-page.js';
import type { ActionValues } from '../../src/lib/domain/ticket-action-input.js';
import type { TicketAction, WorkflowActor } from '../../src/lib/domain/ticket-workflow.js';
import type { TicketStatus } from '../../src/lib/domain/vocabulary.js';
import { events, tickets } from '../../src/lib/server/db/schema/index.js';
import {
	acceptWork,
	addOwnerNote,
	confirmAppointment,
	rateService
} from '../../src/lib/server/owner-actions.js';
import { loadOwnerStatus } from '../../src/lib/server/owner-status.js';
import { ACTION_EVENT, actOnTicket } from '../../src/lib/server/ticket-workflow.js';
import { defaultSite } from '../../src/lib/server/sites.js';
import { fileTicket, type Ticket } from '../../src/lib/server/tickets.js';
import {
	createDemoDatabase,
	firstOccupiedHome,
	staffIdOf,
	type TestDatabase
} from '../helpers/test-database.js';

let database: TestDatabase;
let siteId: string;
let unitId: string;
let residentId: string;
const T0 = new Date('2026-11-23T02:00:00Z');
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

beforeAll(async () => {
	database = await createDemoDatabase();
	siteId = (await defaultSite(database.db))?.id ?? '';
	({ unitId, residentId } = await firstOccupiedHome(database));
});
afterAll(() => database.dispose());

function file(type: 'repair' | 'consultation' = 'repair'): Promise<Ticket> {
	return fileTicket(database.db, {
		siteId,
		type,
		category: type === 'repair' ? 'water' : 'fees',
		channel: 'kiosk',
		unitId,
		reporterResidentId: residentId,
		description: '卫生间天花板渗水',
		actor: { kind: 'device', residentId },
		now: T0
	});
}

/** Test setup standing in for the staff workflow: put the ticket where the test needs it. */
async function setState(ticket: Ticket, set: Partial<Ticket> & { status?: TicketStatus }) {
	await database.db.update(tickets).set(set).where(eq(tickets.id, ticket.id));
}

async function current(ticket: Ticket): Promise<Ticket> {
	const [row] = await database.db.select().from(tickets).where(eq(tickets.id, ticket.id));
	if (!row) throw new Error('ticket gone');
	return row;
}

async function eventsOf(ticket: Ticket, type: string) {
	return database.db
		.select()
		.from(events)
		.where(and(eq(events.ticketId, ticket.id), eq(events.type, type)))
		.orderBy(asc(events.id));
}

describe('the owner adds information', () => {
	it('records it as theirs, bumping the version, while the request is open', async () => {
		const ticket = await file();
		expect(await addOwnerNote(database.db, ticket.id, '  下午两点后家里有人  ', later(5))).toEqual({
			ok: true
		});
		const after = await current(ticket);
		expect(after.version).toBe(ticket.version + 1);
		expect(after.updatedAt).toEqual(later(5));
		const [note] = await eventsOf(ticket, 'owner.note');
		expect(note).toMatchObject({
			actorKind: 'resident',
			actorResidentId: residentId,
			actorStaffId: null,
			data: { serial: ticket.serial, text: '下午两点后家里有人' },
			at: later(5)
		});
	});

	it('refuses too little, too much, too often, and anything once closed', async () => {
		const ticket = await file();
		expect(await addOwnerNote(database.db, ticket.id, '漏水', later(1))).toEqual({
			ok: false,
			error: 'ownerNoteTooShort'
		});
		expect(await addOwnerNote(database.db, ticket.id, '水'.repeat(501), later(1))).toEqual({
			ok: false,
			error: 'ownerNoteTooLong'
		});
		for (let i = 0; i < 10; i++) {
			expect(await addOwnerNote(database.db, ticket.id, `补充说明第${i}条`, later(1))).toEqual({
				ok: true
			});
		}
		expect(await addOwnerNote(database.db, ticket.id, '再补充一条', later(2))).toEqual({
			ok: false,
			error: 'ownerNoteTooMany'
		});
		expect(await addOwnerNote(database.db, ticket.id, '一小时后再补充', later(62))).toEqual({
			ok: true
		});
		await setState(ticket, { status: 'closed' });
		expect(await addOwnerNote(database.db, ticket.id, '关闭后的补充', later(70))).toEqual({
			ok: false,
			error: 'ownerRequestClosed'
		});
		expect(await eventsOf(ticket, 'owner.note')).toHaveLength(11);
	});
});

describe('the owner confirms the proposed appointment', () => {
	it('only once one is proposed, once, and not after the work is done', async () => {
		const ticket = await file();
		expect(await confirmAppointment(database.db, ticket.id, later(1))).toEqual({
			ok: false,
			error: 'ownerNoAppointment'
		});
		await setState(ticket, { status: 'accepted', appointmentAt: later(180) });
		expect(await confirmAppointment(database.db, ticket.id, later(10))).toEqual({ ok: true });
		const after = await current(ticket);
		expect(after.appointmentConfirmedAt).toEqual(later(10));
		expect(await eventsOf(ticket, 'owner.appointment_confirmed')).toMatchObject([
			{ actorResidentId: residentId, data: { appointmentAt: later(180).toISOString() } }
		]);
		expect(await confirmAppointment(database.db, ticket.id, later(11))).toEqual({
			ok: false,
			error: 'ownerAppointmentConfirmedAlready'
		});

		const done = await file();
		await setState(done, { status: 'resolved', appointmentAt: later(180) });
		expect(await confirmAppointment(database.db, done.id, later(10))).toEqual({
			ok: false,
			error: 'ownerAppointmentTooLate'
		});
		expect(await eventsOf(done, 'owner.appointment_confirmed')).toHaveLength(0);
	});
});

describe('the owner accepts the finished work', () => {
	it('only when resolved, once', async () => {
		const ticket = await file();
		for (const status of ['new', 'in_progress', 'followed_up', 'closed'] as const) {
			await setState(ticket, { status });
			expect(await acceptWork(database.db, ticket.id, later(1))).toEqual({
				ok: false,
				error: 'ownerNotResolved'
			});
		}
		await setState(ticket, { status: 'resolved', resolvedAt: later(60) });
		expect(await acceptWork(database.db, ticket.id, later(65))).toEqual({ ok: true });
		expect((await current(ticket)).ownerAcceptedAt).toEqual(later(65));
		expect(await acceptWork(database.db, ticket.id, later(66))).toEqual({
			ok: false,
			error: 'ownerAlreadyAccepted'
		});
		expect(await eventsOf(ticket, 'ticket.owner_accepted')).toMatchObject([
			{ actorKind: 'resident', actorResidentId: residentId }
		]);
	});

	it('counts two taps at once as one', async () => {
		const ticket = await file();
		await setState(ticket, { status: 'resolved' });
		const results = await Promise.all([
			acceptWork(database.db, ticket.id, later(1)),
			acceptWork(database.db, ticket.id, later(1))
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(await eventsOf(ticket, 'ticket.owner_accepted')).toHaveLength(1);
	});
});

describe('the owner rates the service', () => {
	it('after it is resolved, and may change their mind; each rating is on record', async () => {
		const ticket = await file();
		await setState(ticket, { status: 'in_progress' });
		expect(await rateService(database.db, ticket.id, { rating: 'satisfied', comment: '' })).toEqual(
			{ ok: false, error: 'ownerNotYetRateable' }
		);
		await setState(ticket, { status: 'resolved' });
		expect(await rateService(database.db, ticket.id, { rating: 'superb', comment: '' })).toEqual({
			ok: false,
			error: 'ownerRatingRequired'
		});
		expect(
			await rateService(
				database.db,
				ticket.id,
				{ rating: 'dissatisfied', comment: ' 还在滴水 ' },
				later(70)
			)
		).toEqual({ ok: true });
		await setState(ticket, { status: 'closed' });
		expect(
			await rateService(database.db, ticket.id, { rating: 'satisfied', comment: '' }, later(90))
		).toEqual({ ok: true });
		expect((await current(ticket)).ownerRating).toBe('satisfied');
		expect((await eventsOf(ticket, 'owner.rated')).map((e) => e.data)).toEqual([
			{ serial: ticket.serial, rating: 'dissatisfied', comment: '还在滴水' },
			{ serial: ticket.serial, rating: 'satisfied', comment: null }
		]);
	});
});

/** A staff member's workflow action, as the console does it. */
async function staff(
	ticket: Ticket,
	action: TicketAction,
	actor: WorkflowActor,
	values: Partial<ActionValues> = {},
	now = later(1)
) {
	const result = await actOnTicket(
		database.db,
		{
			siteId,
			ticketId: ticket.id,
			action,
			actor,
			values: {
				staffId: null,
				contactKind: null,
				text: null,
				reason: null,
				satisfaction: null,
				at: null,
				nextReplyAt: null,
				incident: null,
				...values
			}
		},
		now
	);
	if (!result.ok) throw new Error(`${action} refused: ${result.error}`);
}

describe('the owner’s page', () => {
	it('tells the staff workflow’s story with staff by handle only, and offers what is open now', async () => {
		const ticket = await file();
		const assistant = {
			staffId: await staffIdOf(database, 'assistant'),
			role: 'assistant' as const
		};
		const engineer = { staffId: await staffIdOf(database, 'engineer'), role: 'engineer' as const };
		await staff(ticket, 'claim', assistant, {}, later(2));
		await staff(ticket, 'dispatch', assistant, { staffId: engineer.staffId }, later(3));
		await staff(
			ticket,
			'contact',
			assistant,
			{ contactKind: 'note', text: '业主很着急' },
			later(4)
		);
		await staff(
			ticket,
			'contact',
			assistant,
			{ contactKind: 'call', text: '已电话告知' },
			later(5)
		);
		await staff(ticket, 'appoint', engineer, { at: later(120) }, later(6));
		await addOwnerNote(database.db, ticket.id, '门口有只狗，不咬人', later(7));

		let status = await loadOwnerStatus(database.db, ticket.id);
		expect(status).toMatchObject({
			serial: ticket.serial,
			type: 'repair',
			status: 'in_progress',
			description: '卫生间天花板渗水',
			timeZone: 'Asia/Shanghai'
		});
		expect(status.page.timeline.map((e) => [e.kind, e.who?.zh ?? null, e.text])).toEqual([
			['filed', null, null],
			['taken_on', '王助理', null],
			['dispatched', '李师傅', null],
			['called', '王助理', null],
			['appointed', '李师傅', null],
			['owner_note', null, '门口有只狗，不咬人']
		]);
		expect(status.page.timeline[4]?.when).toEqual(later(120));
		expect(status.page.handler).toEqual({ zh: '李师傅', en: 'Engineer Li' });
		expect(status.page.actions).toEqual(['note', 'confirm_appointment']);
		const json = JSON.stringify(status);
		for (const secret of ['王芳', '业主很着急', '已电话告知', assistant.staffId]) {
			expect(json).not.toContain(secret);
		}

		expect(await confirmAppointment(database.db, ticket.id, later(8))).toEqual({ ok: true });
		// A new time from staff needs a new confirmation.
		await staff(ticket, 'appoint', engineer, { at: later(240) }, later(9));
		expect(await confirmAppointment(database.db, ticket.id, later(10))).toEqual({ ok: true });

		await staff(ticket, 'on_site', engineer, {}, later(240));
		await staff(ticket, 'resolve', engineer, { text: '更换了防水层' }, later(300));
		expect(await acceptWork(database.db, ticket.id, later(310))).toEqual({ ok: true });
		expect(
			await rateService(database.db, ticket.id, { rating: 'satisfied', comment: '' }, later(311))
		).toEqual({ ok: true });

		status = await loadOwnerStatus(database.db, ticket.id);
		expect(status.page.headline).toBe('resolved_accepted');
		expect(status.page.steps.map((s) => `${s.key}:${s.state}`)).toEqual([
			'received:done',
			'taken_on:done',
			'on_site:done',
			'resolved:current',
			'followed_up:todo',
			'closed:todo'
		]);
		expect(status.page.timeline.slice(-7).map((e) => e.kind)).toEqual([
			'appointment_confirmed',
			'appointed',
			'appointment_confirmed',
			'on_site',
			'resolved',
			'accepted',
			'owner_rated'
		]);
		expect(status.page.timeline.at(-1)).toMatchObject({ kind: 'owner_rated', rating: 'satisfied' });
		expect(JSON.stringify(status)).not.toContain('防水层');
	});

	it('has a place for every staff workflow event, or keeps it off on purpose', () => {
		const internal = ['ticket.contacted']; // shown by kind: calls, visits, replies; never notes
		for (const type of Object.values(ACTION_EVENT)) {
			expect(type in OWNER_TIMELINE || internal.includes(type), type).toBe(true);
		}
	});
});
