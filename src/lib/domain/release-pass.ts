import { localParts } from './site-time.js';
import { isCategoryOf } from './ticket-categories.js';
import type { ReleasePassStatus, TicketStatus } from './vocabulary.js';

/**
 * 物品放行条 (DOMAIN.md, seed 000): the owner fills it at the kiosk, the duty supervisor approves
 * or refuses it, the guard checks it at the exit. It lets its items out once, on its date.
 */

export const ITEMS_MAX = 10;
export const ITEM_DESCRIPTION_MAX = 60;
export const QUANTITY_MAX = 999;
export const CARRIER_MAX = 40;
export const REFUSAL_MAX = 200;
/** How far ahead a pass may be dated, counted in the site's calendar days. */
export const DAYS_AHEAD_MAX = 30;

/** One line of the kiosk form as typed: both parts are text until checked. */
export interface ItemLine {
	description: string;
	quantity: string;
}

/** What an owner fills in at the kiosk, as the form sends it. */
export interface PassForm {
	unitId: string;
	phoneLast4: string;
	category: string;
	/** `YYYY-MM-DD` on the site's calendar. */
	carryOn: string;
	carrierName: string;
	items: ItemLine[];
}

export interface PassItem {
	description: string;
	quantity: number;
}

export type PassFormField =
	Exclude<keyof PassForm, 'items'> | 'items' | `itemDescription${number}` | `itemQuantity${number}`;

export type PassFormError =
	| 'unitRequired'
	| 'phoneLast4Format'
	| 'categoryRequired'
	| 'passDateRequired'
	| 'passDatePast'
	| 'passDateTooFar'
	| 'passCarrierRequired'
	| 'passCarrierTooLong'
	| 'passItemsRequired'
	| 'passItemsTooMany'
	| 'passItemDescriptionRequired'
	| 'passItemDescriptionTooLong'
	| 'passItemQuantityInvalid';

export type PassFormErrors = Partial<Record<PassFormField, PassFormError>>;

const chars = (text: string) => [...text].length;

/** Lines the owner left entirely blank are not lines: the form offers more than most need. */
export function filledLines(items: ItemLine[]): ItemLine[] {
	return items.filter((line) => line.description.trim() || line.quantity.trim());
}

/**
 * Checks every field at once, so the kiosk can show each message beside its field. `today` is
 * the site's calendar date (`siteDate`). Item errors are keyed by the line's place among the
 * lines as sent, so each message lands beside its own line.
 */
export function checkPassForm(form: PassForm, today: string): PassFormErrors {
	const errors: PassFormErrors = {};
	if (!form.unitId) errors.unitId = 'unitRequired';
	if (!/^\d{4}$/.test(form.phoneLast4)) errors.phoneLast4 = 'phoneLast4Format';
	if (!isCategoryOf('release_pass', form.category)) errors.category = 'categoryRequired';

	if (!form.carryOn) errors.carryOn = 'passDateRequired';
	else if (!isCalendarDate(form.carryOn)) errors.carryOn = 'passDateRequired';
	else if (form.carryOn < today) errors.carryOn = 'passDatePast';
	else if (form.carryOn > addDays(today, DAYS_AHEAD_MAX)) errors.carryOn = 'passDateTooFar';

	const carrier = form.carrierName.trim();
	if (!carrier) errors.carrierName = 'passCarrierRequired';
	else if (chars(carrier) > CARRIER_MAX) errors.carrierName = 'passCarrierTooLong';

	const filled = filledLines(form.items);
	if (filled.length === 0) errors.items = 'passItemsRequired';
	else if (filled.length > ITEMS_MAX) errors.items = 'passItemsTooMany';
	form.items.forEach((line, i) => {
		if (!line.description.trim() && !line.quantity.trim()) return;
		const description = line.description.trim();
		if (!description) errors[`itemDescription${i}`] = 'passItemDescriptionRequired';
		else if (chars(description) > ITEM_DESCRIPTION_MAX) {
			errors[`itemDescription${i}`] = 'passItemDescriptionTooLong';
		}
		if (parseQuantity(line.quantity) === null) {
			errors[`itemQuantity${i}`] = 'passItemQuantityInvalid';
		}
	});
	return errors;
}

/** A whole number of pieces from 1 to 999, typed in plain or full-width digits. */
export function parseQuantity(text: string): number | null {
	const digits = text.trim().replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10));
	if (!/^\d{1,3}$/.test(digits)) return null;
	const n = Number(digits);
	return n >= 1 && n <= QUANTITY_MAX ? n : null;
}

/** The checked lines as the pass records them (call after `checkPassForm` found nothing). */
export function passItems(items: ItemLine[]): PassItem[] {
	return filledLines(items).map((line) => ({
		description: line.description.trim(),
		quantity: parseQuantity(line.quantity) ?? 1
	}));
}

/** A one-line summary of the items, for the ticket's description. */
export function itemsSummary(items: PassItem[]): string {
	return items.map((item) => `${item.description} ×${item.quantity}`).join('; ');
}

// ---- dates on the site's calendar ----

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYY-MM-DD` of the site's calendar day that contains `instant`. */
export function siteDate(instant: Date, timeZone: string): string {
	const { year, month, day } = localParts(instant, timeZone);
	return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** True for an existing day written `YYYY-MM-DD` (no 2026-02-30). */
export function isCalendarDate(value: string): boolean {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!match) return false;
	const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(y, m - 1, d));
	return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The calendar day `days` after `date` (both `YYYY-MM-DD`). */
export function addDays(date: string, days: number): string {
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	const next = new Date(Date.UTC(y, m - 1, d + days));
	return `${pad(next.getUTCFullYear(), 4)}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}`;
}

// ---- the pass code ----

/** Without 0/O and 1/I, which a guard reading a phone screen would confuse. 32 symbols. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const CODE_LENGTH = 6;

/**
 * A fresh pass code: six symbols, about a billion possibilities. 256 is a multiple of 32, so
 * each symbol is equally likely. `bytes` is for tests.
 */
export function generatePassCode(
	bytes: Uint8Array = crypto.getRandomValues(new Uint8Array(CODE_LENGTH))
): string {
	return Array.from(bytes.subarray(0, CODE_LENGTH), (b) => CODE_ALPHABET[b % 32]).join('');
}

/**
 * What a guard typed (or the QR code carried), as a code: upper case, spaces and dashes
 * dropped. Null when it cannot be a code at all.
 */
export function normalizePassCode(input: string): string | null {
	const code = input.toUpperCase().replace(/[\s-]/g, '');
	if (code.length !== CODE_LENGTH) return null;
	return [...code].every((c) => CODE_ALPHABET.includes(c)) ? code : null;
}

// ---- deciding and using ----

export interface PassState {
	status: ReleasePassStatus;
	/** `YYYY-MM-DD`. */
	carryOn: string;
}

export type PassRefusal =
	| 'passPending'
	| 'passRefused'
	| 'passUsed'
	| 'passNotYet'
	| 'passExpired'
	| 'passLapsed'
	| 'passAlreadyDecided'
	| 'passDateGone'
	| 'passTicketClosed';

/**
 * Whether the guard may let the items out now: only an approved pass, once, on its date on the
 * site's calendar. Each refusal is its own message at the gate; a pass whose day is over reads
 * as expired, whether or not the day-end sweep has marked it yet.
 */
export function checkUse(pass: PassState, today: string): PassRefusal | null {
	switch (pass.status) {
		case 'pending':
			return pass.carryOn < today ? 'passExpired' : 'passPending';
		case 'refused':
			return 'passRefused';
		case 'used':
			return 'passUsed';
		case 'expired':
			return 'passExpired';
		case 'approved':
			if (pass.carryOn > today) return 'passNotYet';
			if (pass.carryOn < today) return 'passExpired';
			return null;
	}
}

/** Its request was declined as invalid, or closed, at the desk: there is nothing to decide. */
export const TICKET_ENDED: readonly TicketStatus[] = ['declined', 'closed'];

/**
 * The supervisor decides a pending pass once; approving one whose day is over helps nobody, a
 * pass the day's end has expired is settled, and a pass whose request the desk has declined or
 * closed is no longer decided.
 */
export function checkDecision(
	pass: PassState,
	decision: 'approve' | 'refuse',
	today: string,
	ticketStatus: TicketStatus
): PassRefusal | null {
	if (pass.status === 'expired') return 'passLapsed';
	if (pass.status !== 'pending') return 'passAlreadyDecided';
	if (TICKET_ENDED.includes(ticketStatus)) return 'passTicketClosed';
	if (decision === 'approve' && pass.carryOn < today) return 'passDateGone';
	return null;
}

export type RefusalReasonError = 'passReasonRequired' | 'passReasonTooLong';

/** A refusal must say why: the desk tells the owner. */
export function checkRefusalReason(reason: string): RefusalReasonError | null {
	const text = reason.trim();
	if (!text) return 'passReasonRequired';
	if (chars(text) > REFUSAL_MAX) return 'passReasonTooLong';
	return null;
}
