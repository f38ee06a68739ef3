import { and, eq, isNull, sql } from 'drizzle-orm';
import type { ActionValues } from '../domain/ticket-action-input.js';
import {
	checkAction,
	followUpOutcome,
	statusAfter,
	type TicketAction,
	type WorkflowActor,
	type WorkflowRefusal,
	type WorkflowTicket
} from '../domain/ticket-workflow.js';
import { ESCALATED_FLAG } from '../domain/ticket-queues.js';
import type { StaffRole } from '../domain/vocabulary.js';
import type { Queryable } from './db/client.js';
import { staffRoles, staffUsers, tickets } from './db/schema/index.js';
import { appendEvent } from './event-log.js';
import { workflowQuote } from './quotes.js';
import type { Ticket } from './tickets.js';

/** The event each action records on the ticket's timeline. */
export const ACTION_EVENT: Record<TicketAction, string> = {
	claim: 'ticket.claimed',
	assign: 'ticket.assigned',
	dispatch: 'ticket.dispatched',
	contact: 'ticket.contacted',
	appoint: 'ticket.appointment_set',
	on_site: 'ticket.on_site',
	wait_owner: 'ticket.waiting_owner',
	resume: 'ticket.resumed',
	resolve: 'ticket.resolved',
	owner_accept: 'ticket.owner_accepted',
	decline: 'ticket.declined',
	reopen: 'ticket.reopened',
	follow_up: 'ticket.followed_up',
	close: 'ticket.closed'
};

export type ActError = WorkflowRefusal | 'ticketNotFound' | 'staffInvalid';
export type ActResult = { ok: true; ticket: Ticket } | { ok: false; error: ActError };

/** Who may be given a ticket: customer service by assigning, engineers by dispatching. */
const ASSIGNABLE: Record<'assign' | 'dispatch', readonly StaffRole[]> = {
	assign: ['assistant', 'supervisor', 'director', 'engineer'],
	dispatch: ['engineer']
};

export function workflowView(
	ticket: Ticket,
	quote: WorkflowTicket['quote'] = null
): WorkflowTicket {
	return {
		quote,
		type: ticket.type,
		status: ticket.status,
		assigneeId: ticket.assigneeId,
		replied: ticket.repliedAt !== null,
		ownerAccepted: ticket.ownerAcceptedAt !== null,
		dissatisfiedCount: ticket.dissatisfiedCount
	};
}

async function assignee(
	tx: Queryable,
	siteId: string,
	staffId: string,
	roles: readonly StaffRole[]
): Promise<{ id: string; name: string } | null> {
	const [row] = await tx
		.select({ id: staffUsers.id, name: staffUsers.displayName, role: staffRoles.role })
		.from(staffUsers)
		.innerJoin(staffRoles, eq(staffRoles.userId, staffUsers.id))
		.where(
			and(eq(staffUsers.id, staffId), eq(staffRoles.siteId, siteId), isNull(staffUsers.disabledAt))
		);
	return row && roles.includes(row.role) ? { id: row.id, name: row.name } : null;
}

/**
 * Does `action` to the ticket as `actor`: checks it against the workflow's rules under a row
 * lock (two people acting at once: the second is judged on what the first left), changes the
 * ticket and records the event in one transaction. `values` come from `checkActionInput`.
 */
export async function actOnTicket(
	db: Queryable,
	input: {
		siteId: string;
		ticketId: string;
		action: TicketAction;
		actor: WorkflowActor;
		values: ActionValues;
	},
	now = new Date()
): Promise<ActResult> {
	const { siteId, action, actor, values } = input;
	return db.transaction(async (tx) => {
		const [ticket] = await tx
			.select()
			.from(tickets)
			.where(and(eq(tickets.id, input.ticketId), eq(tickets.siteId, siteId)))
			// Not FOR UPDATE: the clock sweep's and rejudge's event inserts check their foreign key
			// to this row (KEY SHARE) while holding the site's stream, which this step waits for.
			.for('no key update');
		if (!ticket) return { ok: false, error: 'ticketNotFound' };
		const view = workflowView(ticket, await workflowQuote(tx, ticket));
		const refusal = checkAction(action, view, actor);
		if (refusal) return { ok: false, error: refusal };

		const change: Partial<typeof tickets.$inferInsert> = {
			status: statusAfter(action, view, values.satisfaction ?? undefined)
		};
		const data: Record<string, unknown> = { serial: ticket.serial };
		let escalate = false;

		switch (action) {
			case 'claim':
				change.assigneeId = actor.staffId;
				change.acceptedAt = ticket.acceptedAt ?? now;
				break;
			case 'assign':
			case 'dispatch': {
				const person = await assignee(tx, siteId, values.staffId ?? '', ASSIGNABLE[action]);
				if (!person) return { ok: false, error: 'staffInvalid' };
				change.assigneeId = person.id;
				change.acceptedAt = ticket.acceptedAt ?? now;
				data.assigneeId = person.id;
				data.assigneeName = person.name;
				break;
			}
			case 'contact':
				data.kind = values.contactKind;
				if (values.contactKind === 'reply') {
					change.repliedAt = ticket.repliedAt ?? now;
					change.nextReplyAt = values.nextReplyAt;
					if (values.nextReplyAt) data.nextReplyAt = values.nextReplyAt.toISOString();
				}
				break;
			case 'appoint':
				change.appointmentAt = values.at;
				change.appointmentConfirmedAt = null;
				data.at = values.at?.toISOString();
				break;
			case 'on_site':
				change.onSiteAt = ticket.onSiteAt ?? now;
				break;
			case 'resolve':
				change.resolvedAt = now;
				break;
			case 'owner_accept':
				change.ownerAcceptedAt = now;
				break;
			case 'reopen':
				change.reopenCount = ticket.reopenCount + 1;
				change.ownerAcceptedAt = null;
				change.closedAt = null;
				break;
			case 'follow_up': {
				const satisfaction = values.satisfaction ?? 'satisfied';
				const outcome = followUpOutcome(satisfaction, ticket.dissatisfiedCount);
				change.satisfaction = satisfaction;
				change.followedUpAt = now;
				data.satisfaction = satisfaction;
				if (satisfaction === 'dissatisfied') {
					change.dissatisfiedCount = ticket.dissatisfiedCount + 1;
					change.reopenCount = ticket.reopenCount + 1;
					change.ownerAcceptedAt = null;
				}
				if (outcome.escalate && !ticket.flags.includes(ESCALATED_FLAG)) {
					escalate = true;
					change.flags = [...ticket.flags, ESCALATED_FLAG];
					change.priority = 'urgent';
				}
				break;
			}
			case 'close':
				change.closedAt = now;
				if (values.incident) {
					change.details = { ...ticket.details, incident: values.incident };
					data.incident = values.incident;
				}
				break;
		}
		if (values.text) data.text = values.text;

		const [updated] = await tx
			.update(tickets)
			.set({ ...change, updatedAt: now, version: sql`${tickets.version} + 1` })
			.where(eq(tickets.id, ticket.id))
			.returning();
		if (!updated) throw new Error('Ticket update returned no row');
		await appendEvent(tx, {
			siteId,
			ticketId: ticket.id,
			type: ACTION_EVENT[action],
			actor: { kind: 'staff', staffId: actor.staffId },
			reason: values.reason,
			data: { ...data, from: ticket.status, to: updated.status },
			at: now
		});
		if (escalate) {
			await appendEvent(tx, {
				siteId,
				ticketId: ticket.id,
				type: 'ticket.escalated',
				actor: { kind: 'system' },
				reason: values.reason,
				data: { serial: ticket.serial, to: 'director' },
				at: now
			});
		}
		return { ok: true, ticket: updated };
	});
}
