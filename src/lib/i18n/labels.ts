import type { CareFlag, StaffRole, TicketStatus, TicketType } from '../domain/vocabulary.js';
import type { Messages } from './messages.js';

/** The keys whose message is plain text, not a function of parameters. */
type Key = { [K in keyof Messages]: Messages[K] extends string ? K : never }[keyof Messages];

const TYPE: Record<TicketType, Key> = {
	emergency: 'typeEmergency',
	repair: 'typeRepair',
	complaint: 'typeComplaint',
	paid_service: 'typePaidService',
	consultation: 'typeConsultation',
	release_pass: 'typeReleasePass',
	other: 'typeOther'
};

const STATUS: Record<TicketStatus, Key> = {
	new: 'statusNew',
	accepted: 'statusAccepted',
	in_progress: 'statusInProgress',
	waiting_owner: 'statusWaitingOwner',
	resolved: 'statusResolved',
	followed_up: 'statusFollowedUp',
	closed: 'statusClosed',
	reopened: 'statusReopened',
	declined: 'statusDeclined'
};

const ROLE: Record<StaffRole, Key> = {
	assistant: 'roleAssistant',
	supervisor: 'roleSupervisor',
	director: 'roleDirector',
	engineer: 'roleEngineer',
	guard: 'roleGuard',
	admin: 'roleAdmin'
};

const CARE: Record<CareFlag, Key> = {
	elderly: 'careElderly',
	sick: 'careSick',
	disabled: 'careDisabled',
	pregnant: 'carePregnant'
};

function text(m: Messages, key: Key): string {
	return m[key];
}

export const typeLabel = (m: Messages, type: TicketType) => text(m, TYPE[type]);
export const statusLabel = (m: Messages, status: TicketStatus) => text(m, STATUS[status]);
export const roleLabel = (m: Messages, role: StaffRole) => text(m, ROLE[role]);
export const careLabel = (m: Messages, flag: CareFlag) => text(m, CARE[flag]);
