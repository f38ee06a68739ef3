import type { ContactKind, TicketAction } from '../domain/ticket-workflow.js';
import type { Channel, Priority, Satisfaction } from '../domain/vocabulary.js';
import type { Messages } from './messages.js';

type Key = { [K in keyof Messages]: Messages[K] extends string ? K : never }[keyof Messages];

const ACTION: Record<TicketAction, Key> = {
	claim: 'actionClaim',
	assign: 'actionAssign',
	dispatch: 'actionDispatch',
	contact: 'actionContact',
	appoint: 'actionAppoint',
	on_site: 'actionOnSite',
	wait_owner: 'actionWaitOwner',
	resume: 'actionResume',
	resolve: 'actionResolve',
	owner_accept: 'actionOwnerAccept',
	decline: 'actionDecline',
	reopen: 'actionReopen',
	follow_up: 'actionFollowUp',
	close: 'actionClose'
};

const CONTACT: Record<ContactKind, Key> = {
	call: 'contactCall',
	visit: 'contactVisit',
	reply: 'contactReply',
	note: 'contactNote'
};

const SATISFACTION: Record<Satisfaction, Key> = {
	satisfied: 'satisfactionSatisfied',
	neutral: 'satisfactionNeutral',
	dissatisfied: 'satisfactionDissatisfied'
};

const PRIORITY: Record<Priority, Key> = {
	urgent: 'priorityUrgent',
	high: 'priorityHigh',
	normal: 'priorityNormal',
	low: 'priorityLow'
};

const CHANNEL: Record<Channel, Key> = {
	kiosk: 'channelKiosk',
	phone: 'channelPhone',
	walk_in: 'channelWalkIn',
	online: 'channelOnline'
};

/** The workflow's events on the timeline and the feed (see `ACTION_EVENT`). */
export const WORKFLOW_EVENTS: Record<string, Key> = {
	'ticket.assigned': 'eventTicketAssigned',
	'ticket.dispatched': 'eventTicketDispatched',
	'ticket.contacted': 'eventTicketContacted',
	'ticket.appointment_set': 'eventTicketAppointmentSet',
	'ticket.on_site': 'eventTicketOnSite',
	'ticket.waiting_owner': 'eventTicketWaitingOwner',
	'ticket.resumed': 'eventTicketResumed',
	'ticket.resolved': 'eventTicketResolved',
	'ticket.owner_accepted': 'eventTicketOwnerAccepted',
	'ticket.declined': 'eventTicketDeclined',
	'ticket.reopened': 'eventTicketReopened',
	'ticket.followed_up': 'eventTicketFollowedUp',
	'ticket.escalated': 'eventTicketEscalated',
	'ticket.closed': 'eventTicketClosed'
};

export const actionLabel = (m: Messages, action: TicketAction) => m[ACTION[action]];
export const contactLabel = (m: Messages, kind: ContactKind) => m[CONTACT[kind]];
export const satisfactionLabel = (m: Messages, s: Satisfaction) => m[SATISFACTION[s]];
export const priorityLabel = (m: Messages, p: Priority) => m[PRIORITY[p]];
export const channelLabel = (m: Messages, c: Channel) => m[CHANNEL[c]];
