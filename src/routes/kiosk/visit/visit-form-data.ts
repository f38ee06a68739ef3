import type { IdentityForm, VisitorForm } from '#lib/domain/visitors/visitor-form.js';
import { isUuid } from '#lib/server/http/form-values.js';

/** A form field as text, cut to a length no real answer reaches (the rules then say what is wrong). */
export const text = (form: FormData, name: string, max: number) =>
	String(form.get(name) ?? '').slice(0, max);

/** Who the visitor is, as typed. */
export function readIdentity(form: FormData): IdentityForm {
	return {
		name: text(form, 'name', 60),
		phone: text(form, 'phone', 40),
		idType: text(form, 'idType', 30),
		idNumber: text(form, 'idNumber', 60)
	};
}

/** Whom they visit and why, as sent; a home that is not an id reads as none picked. */
export function readVisitDetails(form: FormData) {
	const unitId = text(form, 'unitId', 64);
	return {
		unitId: isUuid(unitId) ? unitId.toLowerCase() : '',
		hostSurname: text(form, 'hostSurname', 40),
		purpose: text(form, 'purpose', 30),
		purposeText: text(form, 'purposeText', 120),
		party: text(form, 'party', 10),
		remember: form.get('remember') === 'yes'
	};
}

export function readVisitorForm(form: FormData): VisitorForm {
	return { ...readIdentity(form), ...readVisitDetails(form) };
}

/** One key per visit to a form, so a double tap or a retry registers one visit. */
export function idempotencyKey(form: FormData): string {
	return text(form, 'idempotencyKey', 64) || crypto.randomUUID();
}
