import { checkHostSurname, HOST_SURNAME_ERRORS, normaliseSurname } from './host-surname.js';
import {
	checkIdNumber,
	ID_NUMBER_ERRORS,
	idLast4,
	isIdDocumentType,
	normaliseIdNumber,
	type IdDocumentType
} from './id-documents.js';

/** Why people come to a residential lobby, in the order the kiosk offers them. */
export const VISIT_PURPOSES = [
	'visit_family',
	'delivery',
	'maintenance',
	'housekeeping',
	'house_viewing',
	'other'
] as const;
export type VisitPurpose = (typeof VISIT_PURPOSES)[number];

export const NAME_MAX = 20;
export const PURPOSE_TEXT_MAX = 40;
/** A larger group registers at the desk, where staff can count them. */
export const PARTY_MAX = 10;

/** What a visitor fills in at the kiosk, as the form sends it. */
export interface VisitorForm {
	name: string;
	phone: string;
	idType: string;
	idNumber: string;
	unitId: string;
	hostSurname: string;
	purpose: string;
	/** Only read when the purpose is `other`. */
	purposeText: string;
	party: string;
	/** The visitor agrees to be recognised next time (an unticked box sends nothing). */
	remember?: boolean;
}

export type VisitorField = Exclude<keyof VisitorForm, 'remember'>;

const OWN_ERRORS = [
	'visitorNameRequired',
	'visitorNameTooLong',
	'visitorNameInvalid',
	'visitorPhoneRequired',
	'visitorPhoneFormat',
	'visitorIdTypeRequired',
	'visitorUnitRequired',
	'visitorPurposeRequired',
	'visitorPurposeTextRequired',
	'visitorPurposeTextTooLong',
	'visitorPartyInvalid',
	// Answered by the server, which alone knows who lives where.
	'visitorHostNoMatch',
	'visitorHostLocked'
] as const;

/** Every message the form can show, each an i18n key. */
export const VISITOR_FORM_ERRORS = [
	...OWN_ERRORS,
	...ID_NUMBER_ERRORS,
	...HOST_SURNAME_ERRORS
] as const;
export type VisitorFormError = (typeof VISITOR_FORM_ERRORS)[number];
export type VisitorFormErrors = Partial<Record<VisitorField, VisitorFormError>>;

/** The checked registration. `idNumber` is only for the server's keyed hash: it is not stored. */
export interface VisitorEntry {
	name: string;
	phone: string;
	idType: IdDocumentType;
	idNumber: string;
	idLast4: string;
	unitId: string;
	hostSurname: string;
	purpose: VisitPurpose;
	purposeText: string | null;
	party: number;
	remember: boolean;
}

const chars = (text: string) => [...text].length;

export function isVisitPurpose(value: string): value is VisitPurpose {
	return (VISIT_PURPOSES as readonly string[]).includes(value);
}

/** Trimmed, with runs of spaces made one, full-width letters folded. */
export function normaliseName(raw: string): string {
	return raw.normalize('NFKC').trim().replace(/\s+/gu, ' ');
}

/** A person's name: some letter, no digit, at most 20 characters (张伟, 买买提·艾力, Anna Lee). */
export function nameError(raw: string): VisitorFormError | null {
	const name = normaliseName(raw);
	if (!name) return 'visitorNameRequired';
	if (chars(name) > NAME_MAX) return 'visitorNameTooLong';
	if (/\p{N}/u.test(name) || !/\p{L}/u.test(name) || /\p{C}/u.test(name)) {
		return 'visitorNameInvalid';
	}
	return null;
}

/**
 * A mainland mobile as typed: full-width digits folded; spaces, dashes, brackets and a +86 or
 * 0086 country code dropped. Null when what remains is not 1[3-9] and nine more digits.
 */
export function normaliseMobile(raw: string): string | null {
	const digits = raw
		.normalize('NFKC')
		.replace(/[\s()-]/gu, '')
		.replace(/^(?:\+86|0086)/, '');
	return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}

/** How many people come together: a whole number from 1 to 10, plain or full-width digits. */
export function parseParty(raw: string): number | null {
	const text = raw.normalize('NFKC').trim();
	if (!/^\d{1,2}$/.test(text)) return null;
	const n = Number(text);
	return n >= 1 && n <= PARTY_MAX ? n : null;
}

/** Who the visitor is: the part of the form an invited visitor fills in too. */
export type IdentityField = 'name' | 'phone' | 'idType' | 'idNumber';
export type IdentityForm = Pick<VisitorForm, IdentityField>;
export type VisitorIdentity = Pick<
	VisitorEntry,
	'name' | 'phone' | 'idType' | 'idNumber' | 'idLast4'
>;

export function checkVisitorIdentity(
	form: IdentityForm
):
	| { ok: true; person: VisitorIdentity }
	| { ok: false; errors: Partial<Record<IdentityField, VisitorFormError>> } {
	const errors: Partial<Record<IdentityField, VisitorFormError>> = {};

	const name = nameError(form.name);
	if (name) errors.name = name;

	const phone = normaliseMobile(form.phone);
	if (!form.phone.trim()) errors.phone = 'visitorPhoneRequired';
	else if (!phone) errors.phone = 'visitorPhoneFormat';

	const idType = isIdDocumentType(form.idType) ? form.idType : null;
	if (!idType) errors.idType = 'visitorIdTypeRequired';
	const idNumber = idType ? checkIdNumber(idType, form.idNumber) : null;
	if (idNumber) errors.idNumber = idNumber;
	else if (!idType && !form.idNumber.trim()) errors.idNumber = 'visitorIdNumberRequired';

	if (Object.keys(errors).length || !phone || !idType) return { ok: false, errors };
	const normalised = normaliseIdNumber(idType, form.idNumber);
	return {
		ok: true,
		person: {
			name: normaliseName(form.name),
			phone,
			idType,
			idNumber: normalised,
			idLast4: idLast4(normalised)
		}
	};
}

/** Every field at once, so each message shows beside its field. */
export function checkVisitorForm(
	form: VisitorForm
): { ok: true; visitor: VisitorEntry } | { ok: false; errors: VisitorFormErrors } {
	const identity = checkVisitorIdentity(form);
	const errors: VisitorFormErrors = identity.ok ? {} : { ...identity.errors };

	if (!form.unitId) errors.unitId = 'visitorUnitRequired';

	const surname = checkHostSurname(form.hostSurname);
	if (surname) errors.hostSurname = surname;

	const purpose = isVisitPurpose(form.purpose) ? form.purpose : null;
	const purposeText = form.purposeText.trim();
	if (!purpose) errors.purpose = 'visitorPurposeRequired';
	else if (purpose === 'other' && !purposeText) errors.purposeText = 'visitorPurposeTextRequired';
	else if (purpose === 'other' && chars(purposeText) > PURPOSE_TEXT_MAX) {
		errors.purposeText = 'visitorPurposeTextTooLong';
	}

	const party = parseParty(form.party);
	if (party === null) errors.party = 'visitorPartyInvalid';

	if (!identity.ok || Object.keys(errors).length || !purpose || party === null) {
		return { ok: false, errors };
	}
	return {
		ok: true,
		visitor: {
			...identity.person,
			unitId: form.unitId,
			hostSurname: normaliseSurname(form.hostSurname),
			purpose,
			purposeText: purpose === 'other' ? purposeText : null,
			party,
			remember: form.remember === true
		}
	};
}
