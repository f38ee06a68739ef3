import { checkInviteDate, type InviteDateError } from './invite-code.js';
import {
	isVisitPurpose,
	nameError,
	normaliseName,
	parseParty,
	type VisitPurpose
} from './visitor-form.js';

/**
 * A household invites a guest from its phone page: the day (today to 30 days ahead on the site's
 * calendar), the guest's name so the desk knows whom to expect, how many, and why.
 */

export const HOST_INVITE_ERRORS = [
	'householdGuestNameRequired',
	'householdGuestNameTooLong',
	'householdGuestNameInvalid',
	'householdInvitePurposeRequired',
	'visitorPartyInvalid'
] as const;
export type HostInviteError = (typeof HOST_INVITE_ERRORS)[number] | InviteDateError;

export interface HostInviteForm {
	visitDate: string;
	name: string;
	party: string;
	purpose: string;
}
export type HostInviteErrors = Partial<Record<keyof HostInviteForm, HostInviteError>>;

export interface HostInvite {
	visitDate: string;
	name: string;
	party: number;
	purpose: VisitPurpose;
}

const NAME_ERROR = {
	visitorNameRequired: 'householdGuestNameRequired',
	visitorNameTooLong: 'householdGuestNameTooLong',
	visitorNameInvalid: 'householdGuestNameInvalid'
} as const;

export function checkHostInvite(
	form: HostInviteForm,
	today: string
): { ok: true; invite: HostInvite } | { ok: false; errors: HostInviteErrors } {
	const errors: HostInviteErrors = {};
	const date = checkInviteDate(form.visitDate.trim(), today);
	if (date) errors.visitDate = date;
	const name = nameError(form.name);
	if (name)
		errors.name = NAME_ERROR[name as keyof typeof NAME_ERROR] ?? 'householdGuestNameInvalid';
	const party = parseParty(form.party);
	if (party === null) errors.party = 'visitorPartyInvalid';
	const purpose = isVisitPurpose(form.purpose) ? form.purpose : null;
	if (!purpose) errors.purpose = 'householdInvitePurposeRequired';
	if (Object.keys(errors).length || party === null || !purpose) return { ok: false, errors };
	return {
		ok: true,
		invite: { visitDate: form.visitDate.trim(), name: normaliseName(form.name), party, purpose }
	};
}
