import type {
	CareFlag,
	ReleasePassStatus,
	StaffRole,
	TicketStatus,
	TicketType
} from '../domain/vocabulary.js';
import type { Messages } from './messages.js';
import { WORKFLOW_EVENTS } from './ticket-labels.js';

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

const PASS_STATUS: Record<ReleasePassStatus, Key> = {
	pending: 'passStatusPending',
	approved: 'passStatusApproved',
	refused: 'passStatusRefused',
	used: 'passStatusUsed',
	expired: 'passStatusExpired'
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
export const passStatusLabel = (m: Messages, status: ReleasePassStatus) =>
	text(m, PASS_STATUS[status]);

const EVENT: Record<string, Key> = {
	...WORKFLOW_EVENTS,
	'ticket.filed': 'eventTicketFiled',
	'clock.at_risk': 'eventClockAtRisk',
	'clock.breached': 'eventClockBreached',
	'clock.rejudged': 'eventClockRejudged',
	'site.policy_published': 'eventSitePolicyPublished',
	'site.calendar_changed': 'eventSiteCalendarChanged',
	'site.visitor_settings_changed': 'eventSiteVisitorSettingsChanged',
	'ticket.claimed': 'eventTicketClaimed',
	'owner.note': 'eventOwnerNote',
	'owner.appointment_confirmed': 'eventOwnerAppointmentConfirmed',
	'owner.rated': 'eventOwnerRated',
	'owner_link.sent': 'eventOwnerLinkSent',
	'owner_link.send_failed': 'eventOwnerLinkSendFailed',
	'owner_link.revoked': 'eventOwnerLinkRevoked',
	'kiosk.unit_locked': 'eventKioskUnitLocked',
	'emergency.directors_texted': 'eventEmergencyDirectorsTexted',
	'pass.approved': 'eventPassApproved',
	'pass.refused': 'eventPassRefused',
	'pass.used': 'eventPassUsed',
	'quote.proposed': 'eventQuoteProposed',
	'quote.confirmed': 'eventQuoteConfirmed',
	'quote.declined': 'eventQuoteDeclined',
	'payment.collected': 'eventPaymentCollected',
	'payment.billed': 'eventPaymentBilled',
	'fee.waived': 'eventFeeWaived',
	'pass.expired': 'eventPassExpired',
	'device.registered': 'eventDeviceRegistered',
	'device.paired': 'eventDevicePaired',
	'device.revoked': 'eventDeviceRevoked',
	'staff.created': 'eventStaffCreated',
	'staff.role_changed': 'eventStaffRoleChanged',
	'staff.disabled': 'eventStaffDisabled',
	'staff.enabled': 'eventStaffEnabled',
	'visit.registered': 'eventVisitRegistered',
	'visit.host_notified': 'eventVisitHostNotified',
	'visit.host_silent': 'eventVisitHostSilent',
	'visit.approved': 'eventVisitApproved',
	'visit.refused': 'eventVisitRefused',
	'visit.cancelled': 'eventVisitCancelled',
	'visit.invited': 'eventVisitInvited',
	'visit.invite_cancelled': 'eventVisitInviteCancelled',
	'visit.signed_out': 'eventVisitSignedOut',
	'visit.auto_signed_out': 'eventVisitAutoSignedOut',
	'visit.expired': 'eventVisitExpired',
	'visitor.blocked': 'eventVisitorBlocked',
	'visitor.unblocked': 'eventVisitorUnblocked',
	'visitors.anonymised': 'eventVisitorsAnonymised'
};

/** A line of the console's activity feed; an event type it does not know shows as it is. */
export const eventLabel = (m: Messages, type: string) => {
	const key = EVENT[type];
	return key ? text(m, key) : type;
};
