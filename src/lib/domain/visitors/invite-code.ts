import { addDays, isCalendarDate } from '../release-pass.js';
import type { VisitStatus } from './visit-lifecycle.js';

/**
 * A host invites a visitor for one site date; the visitor types the code at the kiosk on that
 * day instead of waiting for consent. The alphabet leaves out 0/O, 1/I/L: a code is read aloud
 * over the phone and copied from a message, and those are the characters people mistake.
 */
export const INVITE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const INVITE_LENGTH = 6;
/** How far ahead a host may invite, in site calendar days (like a release pass). */
export const INVITE_DAYS_AHEAD_MAX = 30;

/** 31 symbols: bytes from 248 up are thrown away so each symbol stays equally likely. */
const USABLE_BYTES = 256 - (256 % INVITE_ALPHABET.length);

const randomBytes = (n: number) => crypto.getRandomValues(new Uint8Array(n));

/** A fresh code, 31⁶ ≈ 890 million possibilities. `bytes` is for tests. */
export function generateInviteCode(bytes: (n: number) => Uint8Array = randomBytes): string {
	return randomCode(INVITE_LENGTH, bytes);
}

/** `length` symbols of the alphabet, each equally likely (also a visitor pass's check code). */
export function randomCode(length: number, bytes: (n: number) => Uint8Array = randomBytes): string {
	let code = '';
	while (code.length < length) {
		for (const b of bytes(length)) {
			if (b < USABLE_BYTES && code.length < length) {
				code += INVITE_ALPHABET[b % INVITE_ALPHABET.length];
			}
		}
	}
	return code;
}

/** As typed: full-width folded, upper case, spaces and dashes dropped. */
export function normaliseInviteCode(raw: string): string {
	return raw.normalize('NFKC').toUpperCase().replace(/[\s-]/gu, '');
}

export const INVITE_CODE_ERRORS = ['visitorInviteCodeRequired', 'visitorInviteCodeFormat'] as const;
export type InviteCodeError = (typeof INVITE_CODE_ERRORS)[number];

export function checkInviteCode(raw: string): InviteCodeError | null {
	const code = normaliseInviteCode(raw);
	if (!code) return 'visitorInviteCodeRequired';
	const ok = code.length === INVITE_LENGTH && [...code].every((c) => INVITE_ALPHABET.includes(c));
	return ok ? null : 'visitorInviteCodeFormat';
}

export const INVITE_USE_ERRORS = [
	'visitorInviteInvalid',
	'visitorInviteNotYet',
	'visitorInviteExpired',
	'visitorInviteUsed'
] as const;
export type InviteUseError = (typeof INVITE_USE_ERRORS)[number];

export interface Invitation {
	status: VisitStatus;
	/** `YYYY-MM-DD` on the site's calendar. */
	visitDate: string;
}

/**
 * Whether the code may be used now (`today`: the site's date): only an unused invitation, only
 * on its own date. A withdrawn one reads like an unknown code (the server answers
 * `visitorInviteInvalid` for those too), so a code says nothing about a host's changed mind.
 */
export function checkInviteUse(invite: Invitation, today: string): InviteUseError | null {
	switch (invite.status) {
		case 'invited':
			if (invite.visitDate > today) return 'visitorInviteNotYet';
			if (invite.visitDate < today) return 'visitorInviteExpired';
			return null;
		case 'expired':
			return 'visitorInviteExpired';
		case 'cancelled':
			return 'visitorInviteInvalid';
		default:
			// Already turned into a visit.
			return 'visitorInviteUsed';
	}
}

export const INVITE_DATE_ERRORS = [
	'visitorInviteDateRequired',
	'visitorInviteDatePast',
	'visitorInviteDateTooFar'
] as const;
export type InviteDateError = (typeof INVITE_DATE_ERRORS)[number];

/** The date a host picks: a real day, from today to 30 days ahead on the site's calendar. */
export function checkInviteDate(date: string, today: string): InviteDateError | null {
	if (!isCalendarDate(date)) return 'visitorInviteDateRequired';
	if (date < today) return 'visitorInviteDatePast';
	if (date > addDays(today, INVITE_DAYS_AHEAD_MAX)) return 'visitorInviteDateTooFar';
	return null;
}
