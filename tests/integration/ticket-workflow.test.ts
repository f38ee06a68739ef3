import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionValues } from '../../src/lib/domain/ticket-action-input.js';
import type { TicketAction } from '../../src/lib/domain/ticket-workflow.js';
import type { StaffRole, TicketType } from '../../src/lib/domain/vocabulary.js';
import { events, tickets } from '../../src/lib/server/db/schema/index.js';
import type { Ticket } from '../../src/lib/server/tickets.js';
import { demoDesk } from '../helpers/desk.js';
import { createDemoDatabase, type TestDatabase } from '../helpers/test-database.js';

let database: TestDatabase;
let desk: Awaited<ReturnType<typeof demoDesk>>;
let staff: Record<StaffRole, string>;

beforeAll(async () => {
	database = await createDemoDatabase();
	desk = await demoDesk(database, 5);
	staff = desk.staff;
});
afterAll(() => database.dispose());

const file = (type: TicketType = 'repair') => desk.file(type);
const act = (
	ticket: Ticket,
	action: TicketAction,
	role: StaffRole,
	values: Partial<ActionValues> = {}
) => desk.act(ticket, action, role, values);

async function expectOk(result: Awaited<ReturnType<typeof act>>): Promise<Ticket> {
	if (!result.ok) throw new Error(`refused: ${result.error}`);
	return result.ticket;
}

const timeline = async (ticket: Ticket) =>
	database.db
		.select({
			type: events.type,
			actor: events.actorStaffId,
			reason: events.reason,
			data: events.data
		})
		.from(events)
		.where(eq(events.ticketId, ticket.id))
		.orderBy(asc(events.seq));

describe('working a repair from filing to close', () => {
	it('goes through every step, each on the timeline with who did it', async () => {
		let ticket = await file();
		ticket = await expectOk(await act(ticket, 'claim', 'assistant'));
		expect(ticket).toMatchObject({ status: 'accepted', assigneeId: staff.assistant });
		ticket = await expectOk(
			await act(ticket, 'dispatch', 'assistant', { staffId: staff.engineer ?? '' })
		);
		expect(ticket).toMatchObject({ status: 'in_progress', assigneeId: staff.engineer });
		const at = new Date(Date.now() + 3_600_000);
		ticket = await expectOk(await act(ticket, 'appoint', 'engineer', { at }));
		expect(ticket.appointmentAt).toEqual(at);
		ticket = await expectOk(
			await act(ticket, 'contact', 'engineer', { contactKind: 'call', text: '约好下午上门' })
		);
		ticket = await expectOk(await act(ticket, 'on_site', 'engineer'));
		expect(ticket.onSiteAt).not.toBeNull();
		ticket = await expectOk(await act(ticket, 'resolve', 'engineer', { text: '更换了地漏' }));
		expect(ticket.status).toBe('resolved');
		ticket = await expectOk(await act(ticket, 'owner_accept', 'engineer'));
		expect(ticket.ownerAcceptedAt).not.toBeNull();
		ticket = await expectOk(
			await act(ticket, 'follow_up', 'assistant', { satisfaction: 'satisfied' })
		);
		expect(ticket).toMatchObject({ status: 'followed_up', satisfaction: 'satisfied' });
		ticket = await expectOk(await act(ticket, 'close', 'supervisor'));
		expect(ticket.status).toBe('closed');

		const lines = await timeline(ticket);
		expect(lines.map((l) => l.type)).toEqual([
			'ticket.filed',
			'ticket.claimed',
			'ticket.dispatched',
			'ticket.appointment_set',
			'ticket.contacted',
			'ticket.on_site',
			'ticket.resolved',
			'ticket.owner_accepted',
			'ticket.followed_up',
			'ticket.closed'
		]);
		expect(lines[2]).toMatchObject({
			actor: staff.assistant,
			data: { assigneeId: staff.engineer }
		});
		expect(lines[4]).toMatchObject({ data: { kind: 'call', text: '约好下午上门' } });
		expect(lines[6]).toMatchObject({ actor: staff.engineer, data: { text: '更换了地漏' } });
	});
});

describe('refusals', () => {
	it('an engineer cannot work a ticket dispatched to someone else, nor a guard a repair', async () => {
		let ticket = await file();
		ticket = await expectOk(
			await act(ticket, 'assign', 'supervisor', { staffId: staff.assistant ?? '' })
		);
		expect(await act(ticket, 'on_site', 'engineer')).toEqual({
			ok: false,
			error: 'actionNotAssignee'
		});
		expect(await act(ticket, 'claim', 'guard')).toEqual({ ok: false, error: 'actionForbidden' });
	});

	it('only an engineer can be dispatched to', async () => {
		const ticket = await file();
		expect(await act(ticket, 'dispatch', 'assistant', { staffId: staff.guard ?? '' })).toEqual({
			ok: false,
			error: 'staffInvalid'
		});
	});

	it('two assistants taking the same ticket at once: one takes it, the other is told', async () => {
		const ticket = await file();
		const [a, b] = await Promise.all([
			act(ticket, 'claim', 'assistant'),
			act(ticket, 'claim', 'supervisor')
		]);
		expect([a.ok, b.ok].sort()).toEqual([false, true]);
		expect([a, b].find((r) => !r.ok)).toEqual({ ok: false, error: 'actionWrongStatus' });
		const claims = (await timeline(ticket)).filter((l) => l.type === 'ticket.claimed');
		expect(claims).toHaveLength(1);
	});

	it('a declined ticket closes only after the owner has had a reply', async () => {
		let ticket = await file('complaint');
		ticket = await expectOk(await act(ticket, 'decline', 'assistant', { reason: '非物业管辖' }));
		expect(await act(ticket, 'close', 'assistant')).toEqual({
			ok: false,
			error: 'actionReplyOwed'
		});
		ticket = await expectOk(
			await act(ticket, 'contact', 'assistant', { contactKind: 'reply', text: '已电话说明原因' })
		);
		expect(ticket.repliedAt).not.toBeNull();
		ticket = await expectOk(await act(ticket, 'close', 'assistant'));
		expect(ticket.status).toBe('closed');
		expect((await timeline(ticket)).find((l) => l.type === 'ticket.declined')?.reason).toBe(
			'非物业管辖'
		);
	});
});

describe('follow-up', () => {
	async function resolved() {
		let ticket = await file();
		ticket = await expectOk(await act(ticket, 'claim', 'assistant'));
		return expectOk(await act(ticket, 'resolve', 'assistant', { text: '已修好' }));
	}

	it('reopens when the owner is dissatisfied, and escalates the second time', async () => {
		let ticket = await resolved();
		ticket = await expectOk(
			await act(ticket, 'follow_up', 'assistant', {
				satisfaction: 'dissatisfied',
				reason: '还在漏'
			})
		);
		expect(ticket).toMatchObject({ status: 'reopened', dissatisfiedCount: 1, flags: [] });
		ticket = await expectOk(await act(ticket, 'claim', 'assistant'));
		ticket = await expectOk(await act(ticket, 'resolve', 'assistant', { text: '再次维修' }));
		ticket = await expectOk(
			await act(ticket, 'follow_up', 'assistant', {
				satisfaction: 'dissatisfied',
				reason: '仍然漏水'
			})
		);
		expect(ticket).toMatchObject({
			status: 'reopened',
			dissatisfiedCount: 2,
			flags: ['escalated'],
			priority: 'urgent'
		});
		const escalations = (await timeline(ticket)).filter((l) => l.type === 'ticket.escalated');
		expect(escalations).toEqual([
			expect.objectContaining({
				reason: '仍然漏水',
				data: expect.objectContaining({ to: 'director' })
			})
		]);
	});

	it('an emergency closes with its incident report kept on the ticket', async () => {
		let ticket = await file('emergency');
		ticket = await expectOk(await act(ticket, 'claim', 'guard'));
		expect(ticket.assigneeId).toBe(staff.guard);
		ticket = await expectOk(await act(ticket, 'resolve', 'supervisor', { text: '已扑灭' }));
		const incident = { happened: '厨房起火', done: '灭火器扑灭', attended: '保安 张三' };
		ticket = await expectOk(await act(ticket, 'close', 'supervisor', { incident }));
		const [row] = await database.db.select().from(tickets).where(eq(tickets.id, ticket.id));
		expect(row?.details).toMatchObject({ incident });
	});
});
