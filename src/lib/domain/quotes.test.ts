import { describe, expect, it } from 'vitest';
import {
	CASH_LIMIT_FEN,
	checkAnswerNote,
	checkQuote,
	checkWaiver,
	dueFen,
	quoteRefusal,
	quoteStepsAllowed,
	WAIVER_CAP_FEN,
	type MaterialRow,
	type QuoteForm,
	type QuoteState
} from './quotes.js';
import type { TicketStatus } from './vocabulary.js';

const LIST = [{ id: 'tap', labourFen: 1500 }];
const row = (
	name: string,
	quantity: string,
	price: string,
	ownerSupplied = false
): MaterialRow => ({
	name,
	quantity,
	price,
	ownerSupplied
});
const form = (extra: Partial<QuoteForm> = {}): QuoteForm => ({
	item: '',
	quantity: '',
	labour: '',
	materials: [],
	...extra
});
const paid = (status: TicketStatus) => ({ type: 'paid_service' as const, status });
const quote = (extra: Partial<QuoteState> = {}): QuoteState => ({
	status: 'proposed',
	totalFen: 4000,
	waivedFen: 0,
	payment: null,
	...extra
});

describe('quote form', () => {
	it('adds labour and the materials the owner does not supply', () => {
		const checked = checkQuote(
			form({
				labour: '30',
				materials: [row('水龙头', '1', '25.5'), row('生料带', '2', '1'), row('阀门', '1', '', true)]
			}),
			LIST
		);
		expect(checked).toEqual({
			ok: true,
			quote: {
				serviceItemId: null,
				labourFen: 3000,
				materials: [
					{ name: '水龙头', quantity: 1, unitFen: 2550, ownerSupplied: false },
					{ name: '生料带', quantity: 2, unitFen: 100, ownerSupplied: false },
					{ name: '阀门', quantity: 1, unitFen: 0, ownerSupplied: true }
				],
				totalFen: 3000 + 2550 + 200
			}
		});
	});

	it('prices labour from the price list when none is typed', () => {
		const checked = checkQuote(form({ item: 'tap', quantity: '2' }), LIST);
		expect(checked.ok && checked.quote).toMatchObject({ serviceItemId: 'tap', labourFen: 3000 });
		const typed = checkQuote(form({ item: 'tap', labour: '10' }), LIST);
		expect(typed.ok && typed.quote.labourFen).toBe(1000);
	});

	it('puts each mistake at its field and ignores blank rows', () => {
		const checked = checkQuote(
			form({
				item: 'gone',
				quantity: '0',
				labour: '12.345',
				materials: [row('', '', ''), row('', '1', '2'), row('x'.repeat(41), 'many', 'free')]
			}),
			LIST
		);
		expect(checked).toEqual({
			ok: false,
			errors: {
				item: 'quoteItemUnknown',
				quantity: 'quoteQuantityInvalid',
				labour: 'quoteAmountInvalid',
				materialName1: 'quoteMaterialNameRequired',
				materialName2: 'quoteMaterialNameTooLong',
				materialQuantity2: 'quoteMaterialQuantityInvalid',
				materialPrice2: 'quoteAmountInvalid'
			}
		});
	});

	it('needs labour for work not on the list, and a price for what the owner does not bring', () => {
		expect(checkQuote(form(), LIST)).toEqual({
			ok: false,
			errors: { labour: 'quoteLabourRequired' }
		});
		expect(checkQuote(form({ labour: '5', materials: [row('管', '1', '')] }), LIST)).toEqual({
			ok: false,
			errors: { materialPrice0: 'quoteAmountInvalid' }
		});
	});

	it('refuses more than ten materials and a total past the typo guard', () => {
		const many = Array.from({ length: 11 }, (_, i) => row(`m${i}`, '1', '1'));
		expect(checkQuote(form({ labour: '1', materials: many }), LIST)).toMatchObject({
			ok: false,
			errors: { materials: 'quoteMaterialsTooMany' }
		});
		expect(checkQuote(form({ labour: '100000', materials: [row('m', '1', '1')] }), LIST)).toEqual({
			ok: false,
			errors: { labour: 'quoteTotalTooLarge' }
		});
	});
});

describe('quote steps', () => {
	it('belong to paid services only', () => {
		expect(quoteRefusal('propose', { type: 'repair', status: 'accepted' }, null)).toBe(
			'quoteNotPaidService'
		);
	});

	it('quote before the work is done, and replace a quote until it is paid', () => {
		expect(quoteStepsAllowed(paid('accepted'), null)).toEqual(['propose']);
		expect(quoteRefusal('propose', paid('resolved'), null)).toBe('quoteWrongStatus');
		expect(quoteRefusal('propose', paid('in_progress'), quote({ status: 'confirmed' }))).toBe(null);
		expect(
			quoteRefusal('propose', paid('reopened'), quote({ status: 'confirmed', payment: 'cash' }))
		).toBe('quoteSettled');
		expect(
			quoteRefusal('propose', paid('in_progress'), quote({ status: 'confirmed', waivedFen: 500 }))
		).toBe('quoteHasWaiver');
	});

	it('lets the owner answer a proposed quote once', () => {
		expect(quoteStepsAllowed(paid('in_progress'), quote())).toEqual([
			'propose',
			'confirm',
			'decline'
		]);
		expect(quoteRefusal('confirm', paid('in_progress'), quote({ status: 'confirmed' }))).toBe(
			'quoteNotProposed'
		);
		expect(quoteRefusal('decline', paid('in_progress'), null)).toBe('quoteNone');
		expect(quoteRefusal('confirm', paid('closed'), quote())).toBe('quoteWrongStatus');
		expect(quoteRefusal('decline', paid('declined'), quote())).toBe('quoteWrongStatus');
	});

	it('takes cash up to 50 yuan once the work is done, bills the rest', () => {
		const small = quote({ status: 'confirmed', totalFen: CASH_LIMIT_FEN });
		const large = quote({ status: 'confirmed', totalFen: CASH_LIMIT_FEN + 1 });
		expect(quoteRefusal('cash', paid('in_progress'), small)).toBe('quoteNotDone');
		expect(quoteStepsAllowed(paid('resolved'), small)).toEqual(['cash', 'bill', 'waive']);
		expect(quoteRefusal('cash', paid('resolved'), large)).toBe('quoteCashOverLimit');
		expect(quoteRefusal('bill', paid('followed_up'), large)).toBeNull();
		// A waiver can bring a large fee within the cash limit.
		expect(quoteRefusal('cash', paid('resolved'), { ...large, waivedFen: 1 })).toBeNull();
		expect(quoteRefusal('bill', paid('resolved'), quote())).toBe('quoteNotConfirmed');
		expect(quoteRefusal('cash', paid('resolved'), { ...small, payment: 'monthly_bill' })).toBe(
			'quoteSettled'
		);
	});

	it('waives only what is still owed', () => {
		const confirmed = quote({ status: 'confirmed', totalFen: 3000 });
		expect(quoteRefusal('waive', paid('in_progress'), confirmed)).toBeNull();
		expect(dueFen({ ...confirmed, waivedFen: 1000 })).toBe(2000);
		expect(quoteRefusal('waive', paid('resolved'), { ...confirmed, waivedFen: 3000 })).toBe(
			'quoteNothingDue'
		);
	});
});

describe('fee waivers', () => {
	it('stay within what is owed and the director’s 200 yuan a month, with a reason', () => {
		expect(checkWaiver({ amount: '20', reason: ' 老人 ' }, 3000, 0)).toEqual({
			ok: true,
			amountFen: 2000,
			reason: '老人'
		});
		expect(checkWaiver({ amount: '31', reason: 'x' }, 3000, 0)).toMatchObject({
			errors: { amount: 'waiverOverDue' }
		});
		expect(checkWaiver({ amount: '20', reason: 'x' }, 3000, WAIVER_CAP_FEN - 1999)).toMatchObject({
			errors: { amount: 'waiverOverCap' }
		});
		expect(checkWaiver({ amount: '20', reason: 'x' }, 3000, WAIVER_CAP_FEN - 2000).ok).toBe(true);
		expect(checkWaiver({ amount: '0', reason: '' }, 3000, 0)).toEqual({
			ok: false,
			errors: { amount: 'waiverAmountInvalid', reason: 'waiverReasonRequired' }
		});
	});

	it('asks how the owner answered when staff record it', () => {
		expect(checkAnswerNote('  电话确认 ')).toEqual({ ok: true, note: '电话确认' });
		expect(checkAnswerNote(' ')).toEqual({ ok: false, error: 'quoteNoteRequired' });
		expect(checkAnswerNote('字'.repeat(201))).toEqual({ ok: false, error: 'quoteNoteTooLong' });
	});
});
