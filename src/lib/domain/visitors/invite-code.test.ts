import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../release-pass.js';
import {
	checkInviteCode,
	checkInviteDate,
	checkInviteUse,
	generateInviteCode,
	INVITE_ALPHABET,
	normaliseInviteCode
} from './invite-code.js';
import { VISIT_STATUSES } from './visit-lifecycle.js';

const today = '2026-11-22';

/** Hands out the given bytes, then more of the last one, as `crypto.getRandomValues` would. */
const fromBytes = (bytes: number[]) => {
	let at = 0;
	return (n: number) => Uint8Array.from({ length: n }, () => bytes[at++] ?? 0);
};

describe('invitation codes', () => {
	it('use 31 symbols, none of them 0, O, 1, I or L', () => {
		expect(INVITE_ALPHABET).toHaveLength(31);
		expect(new Set(INVITE_ALPHABET).size).toBe(31);
		expect(INVITE_ALPHABET).not.toMatch(/[01OIL]/);
	});

	it('are six of those symbols, and pass their own check', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 40 }), (bytes) => {
				const code = generateInviteCode(fromBytes(bytes));
				return /^[2-9A-HJKMNP-Z]{6}$/.test(code) && checkInviteCode(code) === null;
			})
		);
	});

	it('skip the bytes that would favour some symbols', () => {
		// 248 and up would make the first eight symbols likelier; they are thrown away.
		expect(generateInviteCode(fromBytes([255, 248, 0, 1, 2, 3, 4, 30]))).toBe('23456Z');
	});

	it('give every symbol the same chance', () => {
		const counts = new Map<string, number>();
		for (let b = 0; b < 256; b++) {
			const symbol = generateInviteCode(fromBytes([b, 0, 0, 0, 0, 0]))[0] ?? '';
			if (b < 248) counts.set(symbol, (counts.get(symbol) ?? 0) + 1);
		}
		expect(new Set(counts.values())).toEqual(new Set([8]));
	});

	it('differ from one invitation to the next', () => {
		const codes = new Set(Array.from({ length: 200 }, () => generateInviteCode()));
		expect(codes.size).toBe(200);
	});

	it.each([
		[' k7m-4qx ', null],
		['K7M 4QX', null],
		['ｋ７ｍ４ｑｘ', null],
		['', 'visitorInviteCodeRequired'],
		[' - ', 'visitorInviteCodeRequired'],
		['K7M4Q', 'visitorInviteCodeFormat'],
		['K7M4QXZ', 'visitorInviteCodeFormat'],
		['K7M4Q0', 'visitorInviteCodeFormat'],
		['K7M4QO', 'visitorInviteCodeFormat'],
		['K7M4Q1', 'visitorInviteCodeFormat'],
		['K7M4QI', 'visitorInviteCodeFormat'],
		['K7M4QL', 'visitorInviteCodeFormat'],
		["' or 1", 'visitorInviteCodeFormat']
	] as const)('%j → %s', (raw, error) => {
		expect(checkInviteCode(raw)).toBe(error);
	});

	it('read the same however they are typed', () => {
		expect(normaliseInviteCode(' k7m-4qx ')).toBe('K7M4QX');
		fc.assert(
			fc.property(fc.string(), (raw) => {
				const once = normaliseInviteCode(raw);
				return normaliseInviteCode(once) === once;
			})
		);
	});
});

describe('using an invitation', () => {
	it.each([
		['invited', today, null],
		['invited', '2026-11-23', 'visitorInviteNotYet'],
		['invited', '2026-11-21', 'visitorInviteExpired'],
		['expired', '2026-11-21', 'visitorInviteExpired'],
		['cancelled', today, 'visitorInviteInvalid'],
		['approved', today, 'visitorInviteUsed'],
		['signed_out', today, 'visitorInviteUsed']
	] as const)('a %s invitation for %s: %s', (status, visitDate, error) => {
		expect(checkInviteUse({ status, visitDate }, today)).toBe(error);
	});

	it('lets in only an unused invitation, on its own date', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...VISIT_STATUSES),
				fc.integer({ min: -40, max: 40 }),
				(status, offset) => {
					const ok = checkInviteUse({ status, visitDate: addDays(today, offset) }, today) === null;
					return ok === (status === 'invited' && offset === 0);
				}
			)
		);
	});
});

describe('choosing the date of an invitation', () => {
	it.each([
		[today, null],
		['2026-12-22', null],
		['2026-11-21', 'visitorInviteDatePast'],
		['2026-12-23', 'visitorInviteDateTooFar'],
		['2026-02-30', 'visitorInviteDateRequired'],
		['', 'visitorInviteDateRequired']
	] as const)('%j → %s', (date, error) => {
		expect(checkInviteDate(date, today)).toBe(error);
	});
});
