import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	addDays,
	checkDecision,
	checkPassForm,
	checkRefusalReason,
	checkUse,
	CODE_ALPHABET,
	generatePassCode,
	isCalendarDate,
	itemsSummary,
	normalizePassCode,
	parseQuantity,
	passItems,
	siteDate,
	type PassForm
} from './release-pass.js';
import { RELEASE_PASS_STATUSES } from './vocabulary.js';

const today = '2026-11-22';
const good: PassForm = {
	unitId: '0b0c2a56-0000-4000-8000-000000000001',
	phoneLast4: '1234',
	category: 'moving_out',
	carryOn: today,
	carrierName: '张师傅',
	items: [
		{ description: '三人沙发', quantity: '1' },
		{ description: '', quantity: '' },
		{ description: '纸箱', quantity: '12' }
	]
};

describe('the kiosk pass form', () => {
	it('passes when every field is right, ignoring blank lines', () => {
		expect(checkPassForm(good, today)).toEqual({});
		expect(passItems(good.items)).toEqual([
			{ description: '三人沙发', quantity: 1 },
			{ description: '纸箱', quantity: 12 }
		]);
	});

	it('names every wrong field at once', () => {
		expect(
			checkPassForm(
				{
					unitId: '',
					phoneLast4: '12',
					category: 'repair',
					carryOn: '',
					carrierName: ' ',
					items: []
				},
				today
			)
		).toEqual({
			unitId: 'unitRequired',
			phoneLast4: 'phoneLast4Format',
			category: 'categoryRequired',
			carryOn: 'passDateRequired',
			carrierName: 'passCarrierRequired',
			items: 'passItemsRequired'
		});
	});

	it('puts each line’s message beside that line', () => {
		const errors = checkPassForm(
			{
				...good,
				items: [
					{ description: '衣柜', quantity: '0' },
					{ description: '', quantity: '' },
					{ description: '', quantity: '3' },
					{ description: '椅'.repeat(61), quantity: '1000' }
				]
			},
			today
		);
		expect(errors).toEqual({
			itemQuantity0: 'passItemQuantityInvalid',
			itemDescription2: 'passItemDescriptionRequired',
			itemDescription3: 'passItemDescriptionTooLong',
			itemQuantity3: 'passItemQuantityInvalid'
		});
	});

	it('takes one to ten lines', () => {
		const line = { description: '箱子', quantity: '1' };
		expect(checkPassForm({ ...good, items: Array(10).fill(line) }, today)).toEqual({});
		expect(checkPassForm({ ...good, items: Array(11).fill(line) }, today).items).toBe(
			'passItemsTooMany'
		);
		expect(checkPassForm({ ...good, items: [{ description: ' ', quantity: ' ' }] }, today)).toEqual(
			{ items: 'passItemsRequired' }
		);
	});

	it.each([
		['1', 1],
		['999', 999],
		[' 12 ', 12],
		['１２', 12],
		['0', null],
		['1000', null],
		['1.5', null],
		['-1', null],
		['两', null],
		['', null]
	])('reads the quantity %j as %j', (text, quantity) => {
		expect(parseQuantity(text)).toBe(quantity);
	});

	it('takes a date from today to 30 days ahead on the site’s calendar', () => {
		const at = (carryOn: string) => checkPassForm({ ...good, carryOn }, today).carryOn;
		expect(at('2026-11-22')).toBeUndefined();
		expect(at('2026-12-22')).toBeUndefined();
		expect(at('2026-11-21')).toBe('passDatePast');
		expect(at('2026-12-23')).toBe('passDateTooFar');
		expect(at('2026-02-30')).toBe('passDateRequired');
		expect(at('22/11/2026')).toBe('passDateRequired');
	});

	it('limits the carrier’s name to 40 characters', () => {
		expect(checkPassForm({ ...good, carrierName: '李'.repeat(40) }, today)).toEqual({});
		expect(checkPassForm({ ...good, carrierName: '李'.repeat(41) }, today).carrierName).toBe(
			'passCarrierTooLong'
		);
	});

	it('summarises the items for the ticket', () => {
		expect(itemsSummary(passItems(good.items))).toBe('三人沙发 ×1; 纸箱 ×12');
	});
});

describe('site dates', () => {
	it('is the site’s date, not the server’s', () => {
		// 23:30 in UTC on the 21st is already the 22nd in Shanghai.
		expect(siteDate(new Date('2026-11-21T23:30:00Z'), 'Asia/Shanghai')).toBe('2026-11-22');
		expect(siteDate(new Date('2026-11-21T15:59:00Z'), 'Asia/Shanghai')).toBe('2026-11-21');
	});

	it('counts days across months and years', () => {
		expect(addDays('2026-11-22', 30)).toBe('2026-12-22');
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
		expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
	});

	it('knows a real day from an impossible one', () => {
		expect(isCalendarDate('2028-02-29')).toBe(true);
		expect(isCalendarDate('2026-02-29')).toBe(false);
		expect(isCalendarDate('2026-13-01')).toBe(false);
	});

	it('adding days always gives a real, later day in order', () => {
		fc.assert(
			fc.property(
				fc.date({ min: new Date('2000-01-01'), max: new Date('2099-01-01'), noInvalidDate: true }),
				fc.integer({ min: 1, max: 400 }),
				(date, days) => {
					const start = date.toISOString().slice(0, 10);
					const later = addDays(start, days);
					return isCalendarDate(later) && later > start;
				}
			)
		);
	});
});

describe('the pass code', () => {
	it('is six symbols with no 0, O, 1 or I', () => {
		fc.assert(
			fc.property(fc.uint8Array({ minLength: 6, maxLength: 6 }), (bytes) => {
				const code = generatePassCode(bytes);
				return /^[2-9A-HJ-NP-Z]{6}$/.test(code) && normalizePassCode(code) === code;
			})
		);
		expect(CODE_ALPHABET).toHaveLength(32);
		expect(CODE_ALPHABET).not.toMatch(/[01IO]/);
	});

	it('differs from one pass to the next', () => {
		const codes = new Set(Array.from({ length: 200 }, () => generatePassCode()));
		expect(codes.size).toBe(200);
	});

	it('is read however a guard types it', () => {
		expect(normalizePassCode(' k7m-4qx ')).toBe('K7M4QX');
		expect(normalizePassCode('K7M 4QX')).toBe('K7M4QX');
		expect(normalizePassCode('K7M4Q')).toBeNull();
		expect(normalizePassCode('K7M4Q0')).toBeNull();
		expect(normalizePassCode("' or 1=1")).toBeNull();
	});
});

describe('using a pass at the gate', () => {
	it.each([
		['pending', today, 'passPending'],
		['refused', today, 'passRefused'],
		['used', today, 'passUsed'],
		['approved', '2026-11-23', 'passNotYet'],
		['approved', '2026-11-21', 'passExpired'],
		['approved', today, null]
	] as const)('a %s pass dated %s: %s', (status, carryOn, refusal) => {
		expect(checkUse({ status, carryOn }, today)).toBe(refusal);
	});

	it('lets out only an approved pass on its own day', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...RELEASE_PASS_STATUSES),
				fc.integer({ min: -40, max: 40 }),
				(status, offset) => {
					const ok = checkUse({ status, carryOn: addDays(today, offset) }, today) === null;
					return ok === (status === 'approved' && offset === 0);
				}
			)
		);
	});
});

describe('deciding a pass', () => {
	it('decides a pending pass once', () => {
		const pending = { status: 'pending', carryOn: today } as const;
		expect(checkDecision(pending, 'approve', today, 'new')).toBeNull();
		expect(checkDecision(pending, 'refuse', today, 'accepted')).toBeNull();
		for (const status of ['approved', 'refused', 'used'] as const) {
			expect(checkDecision({ status, carryOn: today }, 'approve', today, 'new')).toBe(
				'passAlreadyDecided'
			);
		}
	});

	it('does not approve a pass whose day is over, but may still refuse it', () => {
		const stale = { status: 'pending', carryOn: '2026-11-21' } as const;
		expect(checkDecision(stale, 'approve', today, 'new')).toBe('passDateGone');
		expect(checkDecision(stale, 'refuse', today, 'new')).toBeNull();
	});

	it('leaves alone a pass whose request the desk declined or closed', () => {
		const pending = { status: 'pending', carryOn: today } as const;
		for (const decision of ['approve', 'refuse'] as const) {
			expect(checkDecision(pending, decision, today, 'declined')).toBe('passTicketClosed');
			expect(checkDecision(pending, decision, today, 'closed')).toBe('passTicketClosed');
		}
		expect(checkDecision(pending, 'approve', today, 'reopened')).toBeNull();
	});

	it('needs a reason to refuse', () => {
		expect(checkRefusalReason('  ')).toBe('passReasonRequired');
		expect(checkRefusalReason('物品清单与实际不符')).toBeNull();
		expect(checkRefusalReason('因'.repeat(201))).toBe('passReasonTooLong');
	});
});
