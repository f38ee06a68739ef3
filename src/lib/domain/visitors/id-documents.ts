import { isCalendarDate } from '../release-pass.js';

/**
 * The identity documents a visitor may register with (DOMAIN.md "Visitors": a valid ID, at most
 * 60 seconds per person). Only the last four characters are ever shown; the full number is used
 * once, to compute the server's keyed hash for lookups, and is never stored.
 */
export const ID_DOCUMENT_TYPES = [
	'resident_id',
	'hk_macau_permit',
	'taiwan_permit',
	'passport',
	'other'
] as const;
export type IdDocumentType = (typeof ID_DOCUMENT_TYPES)[number];

export function isIdDocumentType(value: string): value is IdDocumentType {
	return (ID_DOCUMENT_TYPES as readonly string[]).includes(value);
}

export const ID_NUMBER_ERRORS = [
	'visitorIdNumberRequired',
	'visitorResidentIdFormat',
	'visitorResidentIdInvalid',
	'visitorHkMacauPermitFormat',
	'visitorTaiwanPermitFormat',
	'visitorPassportFormat',
	'visitorOtherIdFormat'
] as const;
export type IdNumberError = (typeof ID_NUMBER_ERRORS)[number];

const fold = (text: string) => text.normalize('NFKC').toUpperCase().replace(/\s/gu, '');

/**
 * The number as the desk keys it: full-width characters typed with a Chinese input method made
 * plain (NFKC), upper case, every space removed. Folding again can join characters the first
 * pass separated (a removed space, a combining mark), so it repeats until nothing changes: the
 * result must be stable, because it is what the lookup hash is computed from. The bound only
 * guards the kiosk against hostile input; real text settles in one or two passes. The rule is
 * the same for every type today; the type is asked for so a type of its own can differ.
 */
export function normaliseIdNumber(_type: IdDocumentType, raw: string): string {
	let text = fold(raw);
	for (let round = 0; round < 8; round++) {
		const next = fold(text);
		if (next === text) break;
		text = next;
	}
	return text;
}

/** GB 11643-1999: the 18th character of a 居民身份证 number, from the first 17 digits. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

function residentIdCheckCharacter(first17: string): string {
	let sum = 0;
	for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
	return CHECK_CHARACTERS[sum % 11] ?? '';
}

/** The birth date inside the number (characters 7–14) must be a real day, from 1900 on. */
function residentIdBirthDateOk(id: string): boolean {
	const date = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
	return date >= '1900-01-01' && isCalendarDate(date);
}

/** Each fixed format as a pattern on the normalised number; `other` is checked apart. */
const FORMATS: Record<Exclude<IdDocumentType, 'other'>, [RegExp, IdNumberError]> = {
	// A region code never starts with 0.
	resident_id: [/^[1-9]\d{16}[\dX]$/, 'visitorResidentIdFormat'],
	// H (Hong Kong) or M (Macau), then 8 digits on the card or 10 on the older booklet.
	hk_macau_permit: [/^[HM](\d{8}|\d{10})$/, 'visitorHkMacauPermitFormat'],
	taiwan_permit: [/^\d{8}$/, 'visitorTaiwanPermitFormat'],
	passport: [/^[A-Z0-9]{5,20}$/, 'visitorPassportFormat']
};

export const OTHER_ID_MIN = 4;
export const OTHER_ID_MAX = 30;
/** Letters of any script (军官证 numbers carry Chinese), digits, marks, punctuation, symbols. */
const VISIBLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]+$/u;

/** Why the number cannot be this document's, or null when it can. */
export function checkIdNumber(type: IdDocumentType, raw: string): IdNumberError | null {
	const id = normaliseIdNumber(type, raw);
	if (!id) return 'visitorIdNumberRequired';
	if (type === 'other') {
		const length = [...id].length;
		const ok = length >= OTHER_ID_MIN && length <= OTHER_ID_MAX && VISIBLE.test(id);
		return ok ? null : 'visitorOtherIdFormat';
	}
	const [pattern, error] = FORMATS[type];
	if (!pattern.test(id)) return error;
	if (type === 'resident_id') {
		const ok = residentIdCheckCharacter(id.slice(0, 17)) === id[17] && residentIdBirthDateOk(id);
		if (!ok) return 'visitorResidentIdInvalid';
	}
	return null;
}

/** The last four characters (not UTF-16 units) of a normalised number: all anyone ever sees. */
export function idLast4(normalised: string): string {
	return [...normalised].slice(-4).join('');
}

/**
 * How a number is shown: a fixed four-star prefix, so the mask does not even tell the number's
 * length, then the last four characters. Given anything longer, it keeps only the last four.
 */
export function maskId(last4: string): string {
	return `****${idLast4(last4)}`;
}

/**
 * The canonical text the server keys its HMAC on to find a returning or blocked visitor: the
 * normalised number alone. The type is left out on purpose: a blocked visitor who picks another
 * type for the same 18 characters (a resident ID entered as a passport or "other") must still be
 * found. Two different documents sharing one number is rarer than that dodge, and only sends a
 * visitor to the desk. Normalising again is harmless (it is stable).
 */
export function idLookupInput(type: IdDocumentType, normalised: string): string {
	return normaliseIdNumber(type, normalised);
}
