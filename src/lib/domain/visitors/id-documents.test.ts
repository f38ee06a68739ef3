import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	checkIdNumber,
	ID_DOCUMENT_TYPES,
	idLast4,
	idLookupInput,
	isIdDocumentType,
	maskId,
	normaliseIdNumber
} from './id-documents.js';

/**
 * The check character computed the other way ISO 7064 MOD 11-2 states it (weights are powers of
 * two, the check makes the whole sum ≡ 1 mod 11), so a wrong weight table cannot pass its own test.
 */
function isoCheck(first17: string): string {
	let sum = 0;
	for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
	const check = (12 - (sum % 11)) % 11;
	return check === 10 ? 'X' : String(check);
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** A real-looking resident ID: region, a real birth date, sequence, correct check character. */
const residentId = fc
	.record({
		region: fc.integer({ min: 110000, max: 829999 }),
		birth: fc.date({
			min: new Date('1900-01-01'),
			max: new Date('2025-12-31'),
			noInvalidDate: true
		}),
		sequence: fc.integer({ min: 0, max: 999 })
	})
	.map(({ region, birth, sequence }) => {
		const date = birth.toISOString().slice(0, 10).replaceAll('-', '');
		const first17 = `${region}${date}${pad(sequence, 3)}`;
		return first17 + isoCheck(first17);
	});

describe('resident ID numbers (居民身份证)', () => {
	it.each([
		'11010519491231002X',
		'110101199003074477',
		'110101199003077897',
		'440308199901011234',
		'11010119900307803X',
		'110105200002290013'
	])('takes %s', (id) => {
		expect(checkIdNumber('resident_id', id)).toBeNull();
		expect(isoCheck(id.slice(0, 17))).toBe(id[17]);
	});

	it.each([
		[' 1101 0519 4912 3100 2x ', '11010519491231002X'],
		['１１０１０５１９４９１２３１００２ｘ', '11010519491231002X'],
		['110101\u3000199003074477', '110101199003074477']
	])('reads %j as typed on any keyboard', (raw, normalised) => {
		expect(normaliseIdNumber('resident_id', raw)).toBe(normalised);
		expect(checkIdNumber('resident_id', raw)).toBeNull();
	});

	it.each([
		['', 'visitorIdNumberRequired'],
		['   ', 'visitorIdNumberRequired'],
		['11010519491231002', 'visitorResidentIdFormat'],
		['11010519491231002X1', 'visitorResidentIdFormat'],
		['01010519491231002X', 'visitorResidentIdFormat'],
		['1101051949123100X2', 'visitorResidentIdFormat'],
		['11010519491231002A', 'visitorResidentIdFormat'],
		['110105194912310021', 'visitorResidentIdInvalid'],
		['110101199003074478', 'visitorResidentIdInvalid']
	])('refuses %j: %s', (id, error) => {
		expect(checkIdNumber('resident_id', id)).toBe(error);
	});

	it.each([
		['11010119900230000', '30 February'],
		['11010120250229000', '29 February in a common year'],
		['11010119901301000', 'month 13'],
		['11010119900100000', 'day 0'],
		['11010118991231000', 'a birth before 1900']
	])('refuses %s… (%s) even with the right check character', (first17) => {
		expect(checkIdNumber('resident_id', first17 + isoCheck(first17))).toBe(
			'visitorResidentIdInvalid'
		);
	});

	it('takes every well-formed number with its check character', () => {
		fc.assert(fc.property(residentId, (id) => checkIdNumber('resident_id', id) === null));
	});

	it('refuses every wrong check character', () => {
		fc.assert(
			fc.property(residentId, fc.constantFrom(...'0123456789X'), (id, check) => {
				fc.pre(check !== id[17]);
				return checkIdNumber('resident_id', id.slice(0, 17) + check) === 'visitorResidentIdInvalid';
			})
		);
	});

	it('catches any single mistyped digit', () => {
		fc.assert(
			fc.property(
				residentId,
				fc.integer({ min: 0, max: 16 }),
				fc.integer({ min: 1, max: 9 }),
				(id, at, shift) => {
					const digit = String((Number(id[at]) + shift) % 10);
					const typo = id.slice(0, at) + digit + id.slice(at + 1);
					return checkIdNumber('resident_id', typo) !== null;
				}
			)
		);
	});
});

describe('the other documents', () => {
	it.each([
		['hk_macau_permit', 'H12345678', null],
		['hk_macau_permit', 'm 1234 5678 90', null],
		['hk_macau_permit', 'H1234567', 'visitorHkMacauPermitFormat'],
		['hk_macau_permit', 'H123456789', 'visitorHkMacauPermitFormat'],
		['hk_macau_permit', 'K12345678', 'visitorHkMacauPermitFormat'],
		['hk_macau_permit', '12345678', 'visitorHkMacauPermitFormat'],
		['taiwan_permit', '12345678', null],
		['taiwan_permit', '１２３４５６７８', null],
		['taiwan_permit', '1234567', 'visitorTaiwanPermitFormat'],
		['taiwan_permit', 'T1234567', 'visitorTaiwanPermitFormat'],
		['passport', 'E12345678', null],
		['passport', 'g1234567', null],
		['passport', 'AB123', null],
		['passport', 'A'.repeat(20), null],
		['passport', 'AB12', 'visitorPassportFormat'],
		['passport', 'A'.repeat(21), 'visitorPassportFormat'],
		['passport', 'E1234-5678', 'visitorPassportFormat'],
		['other', '军字第123456号', null],
		['other', 'ab-12/3', null],
		['other', 'X'.repeat(30), null],
		['other', 'AB1', 'visitorOtherIdFormat'],
		['other', 'X'.repeat(31), 'visitorOtherIdFormat'],
		['other', 'AB\u0007CD', 'visitorOtherIdFormat'],
		['passport', ' ', 'visitorIdNumberRequired'],
		['other', '', 'visitorIdNumberRequired']
	] as const)('%s %j → %s', (type, raw, error) => {
		expect(checkIdNumber(type, raw)).toBe(error);
	});

	it('knows its types', () => {
		expect(ID_DOCUMENT_TYPES.every(isIdDocumentType)).toBe(true);
		expect(isIdDocumentType('driving_licence')).toBe(false);
	});
});

describe('normalising', () => {
	it('is stable: normalising twice is normalising once, whatever was typed', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...ID_DOCUMENT_TYPES),
				fc.string({ unit: 'binary', maxLength: 40 }),
				(type, raw) => {
					const once = normaliseIdNumber(type, raw);
					return normaliseIdNumber(type, once) === once;
				}
			)
		);
	});

	it('is stable even where folding once joins what it had separated', () => {
		// A space dropped between a letter and a combining mark; a spacing diaeresis split by NFKC.
		expect(normaliseIdNumber('other', 'a \u0301bc')).toBe('ÁBC');
		expect(normaliseIdNumber('other', 'a\u00a8bc')).toBe('ÄBC');
		const tricky = fc.constantFrom(
			'a',
			'i',
			'x',
			' ',
			'\u3000',
			'\u0301',
			'\u0307',
			'\u00a8',
			'ß',
			'ｘ'
		);
		fc.assert(
			fc.property(fc.string({ unit: tricky, maxLength: 12 }), (raw) => {
				const once = normaliseIdNumber('other', raw);
				return normaliseIdNumber('other', once) === once;
			})
		);
	});

	it('leaves no space and no lower-case letter', () => {
		fc.assert(
			fc.property(fc.constantFrom(...ID_DOCUMENT_TYPES), fc.string(), (type, raw) => {
				const id = normaliseIdNumber(type, raw);
				return !/\s/u.test(id) && !/[a-z]/.test(id);
			})
		);
	});

	it('does not change what the check decides', () => {
		fc.assert(
			fc.property(fc.constantFrom(...ID_DOCUMENT_TYPES), fc.string(), (type, raw) => {
				return checkIdNumber(type, normaliseIdNumber(type, raw)) === checkIdNumber(type, raw);
			})
		);
	});
});

describe('showing and looking up a number', () => {
	it('shows only the last four characters', () => {
		expect(idLast4('11010519491231002X')).toBe('002X');
		expect(maskId('002X')).toBe('****002X');
		expect(maskId('11010519491231002X')).toBe('****002X');
		expect(idLast4('军字第123456号')).toBe('456号');
	});

	it('never lets anything but the last four characters into a mask', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', minLength: 4, maxLength: 30 }), (id) => {
				const chars = [...id];
				const mask = maskId(idLast4(id));
				expect(mask).toBe(`****${chars.slice(-4).join('')}`);
				expect(maskId(id)).toBe(mask);
			})
		);
	});

	it('keys the lookup on the normalised number, whatever type it was entered as', () => {
		expect(idLookupInput('resident_id', '11010519491231002X')).toBe('11010519491231002X');
		expect(idLookupInput('resident_id', ' 110105 19491231 002x')).toBe('11010519491231002X');
		// A blocked visitor cannot dodge the list by calling their resident ID a passport.
		expect(idLookupInput('passport', '11010519491231002X')).toBe(
			idLookupInput('resident_id', '11010519491231002X')
		);
	});

	it('gives one key however the same number was typed', () => {
		fc.assert(
			fc.property(fc.constantFrom(...ID_DOCUMENT_TYPES), fc.string(), (type, raw) => {
				return idLookupInput(type, raw) === idLookupInput(type, normaliseIdNumber(type, raw));
			})
		);
	});
});
