import type { IdDocumentType } from '../domain/visitors/id-documents.js';
import type { VisitPurpose } from '../domain/visitors/visitor-form.js';
import type { AtDeskReason, VisitStatus } from '../domain/visitors/visit-lifecycle.js';
import type { Messages } from './messages.js';

type Key = { [K in keyof Messages]: Messages[K] extends string ? K : never }[keyof Messages];

export const ID_TYPE: Record<IdDocumentType, Key> = {
	resident_id: 'visitorIdResidentId',
	hk_macau_permit: 'visitorIdHkMacauPermit',
	taiwan_permit: 'visitorIdTaiwanPermit',
	passport: 'visitorIdPassport',
	other: 'visitorIdOther'
};

export const PURPOSE: Record<VisitPurpose, Key> = {
	visit_family: 'visitorPurposeVisitFamily',
	delivery: 'visitorPurposeDelivery',
	maintenance: 'visitorPurposeMaintenance',
	housekeeping: 'visitorPurposeHousekeeping',
	house_viewing: 'visitorPurposeHouseViewing',
	other: 'visitorPurposeOther'
};

export const STATUS: Record<VisitStatus, Key> = {
	invited: 'visitorStatusInvited',
	waiting_host: 'visitorStatusWaitingHost',
	at_desk: 'visitorStatusAtDesk',
	approved: 'visitorStatusApproved',
	refused: 'visitorStatusRefused',
	signed_out: 'visitorStatusSignedOut',
	auto_signed_out: 'visitorStatusAutoSignedOut',
	expired: 'visitorStatusExpired',
	cancelled: 'visitorStatusCancelled'
};

/** For staff only: the kiosk never names why a visit went to the desk. */
export const AT_DESK_REASON: Record<AtDeskReason, Key> = {
	host_silent: 'visitorAtDeskHostSilent',
	visitor_blocked: 'visitorAtDeskBlocked',
	desk_takeover: 'visitorAtDeskTakeover'
};

export const idTypeLabel = (m: Messages, t: IdDocumentType) => m[ID_TYPE[t]];
export const purposeLabel = (m: Messages, p: VisitPurpose) => m[PURPOSE[p]];
export const visitStatusLabel = (m: Messages, s: VisitStatus) => m[STATUS[s]];
export const atDeskReasonLabel = (m: Messages, r: AtDeskReason) => m[AT_DESK_REASON[r]];
