import type { Translation } from './translation.js';
import type { zh } from './visitor-host.js';

export const en: Translation<typeof zh> = {
	householdTitle: 'Visitors',
	householdHome: (p) => `Visitors for ${p.home}`,
	householdWaitingTitle: 'Visitors waiting for you',
	householdNoneWaiting: 'No visitor is waiting for you now',
	householdApprove: 'Approve',
	householdRefuse: 'Refuse',
	householdName: 'Name',
	householdPhoneLast4: 'Phone ending',
	householdId: 'ID',
	householdParty: 'People',
	householdPartyCount: (p) => `${p.n} ${p.n === 1 ? 'person' : 'people'}`,
	householdPurpose: 'Purpose',
	householdArrived: 'Arrived',
	householdDeskTookOver:
		'You did not answer in time, so the front desk is handling it; you can still answer here.',
	householdApproved: 'Approved: your visitor may come in.',
	householdRefused: 'Refused: the front desk will tell your visitor.',
	householdAlreadyDecided:
		'Someone has already answered for this visitor (the front desk or someone in your household).',
	householdVisitGone: 'This visitor could not be found; they may have left.',
	householdInviteTitle: 'Invite a visitor',
	householdInviteIntro:
		'On the day, your guest types the code at the lobby kiosk and registers their ID, and gets a visitor pass without waiting for you.',
	householdInviteDate: 'Date of the visit',
	householdGuestName: 'Guest’s name',
	householdInviteSubmit: 'Create the code',
	householdInviteDone: (p) => `Code created for ${p.name} on ${p.date}`,
	householdInviteSend: 'Send this code to your guest',
	householdInviteQr: (p) => `QR code of invitation ${p.code}`,
	householdInvitationsTitle: 'Upcoming invitations',
	householdNoInvitations: 'No upcoming invitations',
	householdInviteCode: 'Code',
	householdDate: 'Date',
	householdStatus: 'Status',
	householdCancelInvite: 'Cancel invitation',
	householdInviteCancelled: 'Invitation cancelled.',
	householdInviteCannotCancel: 'This invitation has been used or cancelled already.',
	householdRecentTitle: 'Visitors in the last 30 days',
	householdNoRecent: 'No visitors in the last 30 days',
	householdAnonymised: '(anonymised)',
	householdLinkGoneTitle: 'This link no longer works',
	householdLinkGoneBody:
		'It may have expired or been withdrawn, or you are no longer on record for this home. If a visitor is waiting, please call the front desk.',
	householdGuestNameRequired: 'Enter your guest’s name',
	householdGuestNameTooLong: 'At most 20 characters',
	householdGuestNameInvalid: 'Enter the name as on their ID, without digits',
	householdInvitePurposeRequired: 'Choose the reason for the visit'
};
