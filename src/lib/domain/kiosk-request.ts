import { isCategoryOf } from './ticket-categories.js';
import type { TicketType } from './vocabulary.js';

/** What an owner fills in at the kiosk, as the form sends it. */
export interface RequestForm {
	unitId: string;
	phoneLast4: string;
	category: string;
	description: string;
	preferredAt: string;
}

export type RequestField = keyof RequestForm;

export type RequestError =
	| 'unitRequired'
	| 'phoneLast4Format'
	| 'categoryRequired'
	| 'descriptionRequired'
	| 'descriptionTooShort'
	| 'descriptionTooLong'
	| 'preferredAtInvalid'
	| 'preferredAtPast'
	| 'preferredAtTooFar';

export const DESCRIPTION_MIN = 4;
export const DESCRIPTION_MAX = 500;
const PREFERRED_WITHIN_MS = 30 * 24 * 60 * 60 * 1000;

/** The types an owner files from the kiosk's grid; emergencies and passes have their own flows. */
export const KIOSK_REQUEST_TYPES = [
	'repair',
	'complaint',
	'paid_service',
	'consultation',
	'other'
] as const satisfies readonly TicketType[];
export type KioskRequestType = (typeof KIOSK_REQUEST_TYPES)[number];

export function isKioskRequestType(value: string): value is KioskRequestType {
	return (KIOSK_REQUEST_TYPES as readonly string[]).includes(value);
}

/**
 * Checks every field at once, so the kiosk can show each message beside its field. The
 * preferred time arrives as the site's wall-clock `YYYY-MM-DDTHH:mm` already turned into an
 * instant by the caller (`preferredAt`), or null when left empty.
 */
export function checkRequest(
	type: KioskRequestType,
	form: RequestForm,
	preferredAt: Date | null | 'invalid',
	now: Date
): Partial<Record<RequestField, RequestError>> {
	const errors: Partial<Record<RequestField, RequestError>> = {};
	if (!form.unitId) errors.unitId = 'unitRequired';
	if (!/^\d{4}$/.test(form.phoneLast4)) errors.phoneLast4 = 'phoneLast4Format';
	if (!isCategoryOf(type, form.category)) errors.category = 'categoryRequired';
	const description = descriptionError(form.description);
	if (description) errors.description = description;
	const preferred = preferredAtError(preferredAt, now);
	if (preferred) errors.preferredAt = preferred;
	return errors;
}

/** A description says something, briefly: 4 to 500 characters once trimmed. */
export function descriptionError(text: string): RequestError | null {
	const length = [...text.trim()].length;
	if (length === 0) return 'descriptionRequired';
	if (length < DESCRIPTION_MIN) return 'descriptionTooShort';
	if (length > DESCRIPTION_MAX) return 'descriptionTooLong';
	return null;
}

/** An optional preferred time: readable, not past, within 30 days. */
export function preferredAtError(at: Date | null | 'invalid', now: Date): RequestError | null {
	if (at === 'invalid') return 'preferredAtInvalid';
	if (!at) return null;
	if (at.getTime() < now.getTime()) return 'preferredAtPast';
	if (at.getTime() - now.getTime() > PREFERRED_WITHIN_MS) return 'preferredAtTooFar';
	return null;
}
