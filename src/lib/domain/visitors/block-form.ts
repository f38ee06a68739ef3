import {
	checkIdNumber,
	idLast4,
	isIdDocumentType,
	normaliseIdNumber,
	type IdDocumentType,
	type IdNumberError
} from './id-documents.js';
import { nameError, normaliseMobile, normaliseName } from './visitor-form.js';

/**
 * An entry of the block list as a supervisor types it: whom (a name for people to read), how the
 * kiosk recognises them (a phone, an ID document, or both: at least one), and why. The reason is
 * for colleagues; the visitor is never told.
 */

export const BLOCK_REASON_MAX = 200;

export const BLOCK_FORM_ERRORS = [
	'visitBlockNameRequired',
	'visitBlockNameTooLong',
	'visitBlockNameInvalid',
	'visitBlockPhoneFormat',
	'visitBlockMatchRequired',
	'visitBlockIdTypeRequired',
	'visitBlockReasonRequired',
	'visitBlockReasonTooLong'
] as const;
export type BlockFormError = (typeof BLOCK_FORM_ERRORS)[number] | IdNumberError;

export interface BlockForm {
	name: string;
	phone: string;
	idType: string;
	idNumber: string;
	reason: string;
}
export type BlockFormErrors = Partial<Record<keyof BlockForm, BlockFormError>>;

export interface BlockEntry {
	name: string;
	phone: string | null;
	idType: IdDocumentType | null;
	/** Normalised, only to compute the keyed hash: never stored. */
	idNumber: string | null;
	idLast4: string | null;
	reason: string;
}

const NAME_ERROR = {
	visitorNameRequired: 'visitBlockNameRequired',
	visitorNameTooLong: 'visitBlockNameTooLong',
	visitorNameInvalid: 'visitBlockNameInvalid'
} as const;

/** Why the reason cannot stand, or null. Also used when blocking from a log row. */
export function blockReasonError(raw: string): BlockFormError | null {
	const reason = raw.trim();
	if (!reason) return 'visitBlockReasonRequired';
	if ([...reason].length > BLOCK_REASON_MAX) return 'visitBlockReasonTooLong';
	return null;
}

export function checkBlockForm(
	form: BlockForm
): { ok: true; entry: BlockEntry } | { ok: false; errors: BlockFormErrors } {
	const errors: BlockFormErrors = {};
	const name = nameError(form.name);
	if (name) errors.name = NAME_ERROR[name as keyof typeof NAME_ERROR] ?? 'visitBlockNameInvalid';

	const phone = form.phone.trim() ? normaliseMobile(form.phone) : null;
	if (form.phone.trim() && !phone) errors.phone = 'visitBlockPhoneFormat';

	const idType = isIdDocumentType(form.idType) ? form.idType : null;
	let idNumber: string | null = null;
	if (form.idNumber.trim()) {
		if (!idType) errors.idType = 'visitBlockIdTypeRequired';
		else {
			const problem = checkIdNumber(idType, form.idNumber);
			if (problem) errors.idNumber = problem;
			else idNumber = normaliseIdNumber(idType, form.idNumber);
		}
	} else if (idType) errors.idNumber = 'visitorIdNumberRequired';

	if (!form.phone.trim() && !form.idNumber.trim() && !idType) {
		errors.phone = 'visitBlockMatchRequired';
	}
	const reason = blockReasonError(form.reason);
	if (reason) errors.reason = reason;

	if (Object.keys(errors).length) return { ok: false, errors };
	return {
		ok: true,
		entry: {
			name: normaliseName(form.name),
			phone,
			idType: idNumber ? idType : null,
			idNumber,
			idLast4: idNumber ? idLast4(idNumber) : null,
			reason: form.reason.trim()
		}
	};
}
