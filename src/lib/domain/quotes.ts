import { can } from './access.js';
import { AMOUNT_MAX_FEN, parseYuan } from './money.js';
import type {
	PaymentMethod,
	QuoteStatus,
	StaffRole,
	TicketStatus,
	TicketType
} from './vocabulary.js';

/**
 * Paid services' money rules (DOMAIN.md, seed 003): a quote is labour plus materials, the owner
 * confirms it before the work, cash of at most 50 yuan may be collected on the spot and the rest
 * is billed with the monthly property fee; only the office director waives a fee, with a reason,
 * at most 200 yuan per director per month.
 */

export const CASH_LIMIT_FEN = 50_00;
export const WAIVER_CAP_FEN = 200_00;
export const MATERIALS_MAX = 10;
export const MATERIAL_NAME_MAX = 40;
export const MATERIAL_QUANTITY_MAX = 999;
export const ITEM_QUANTITY_MAX = 99;
export const NOTE_MAX = 200;

/** A price-list entry as the quote form needs it. */
export interface PriceItem {
	id: string;
	labourFen: number;
}

/** One material row as typed. */
export interface MaterialRow {
	name: string;
	quantity: string;
	price: string;
	ownerSupplied: boolean;
}

export interface QuoteForm {
	/** A price-list entry's id, or '' for work not on the list. */
	item: string;
	/** How many of the entry's unit ('' counts as 1). */
	quantity: string;
	/** Labour in yuan; '' prices it from the list. */
	labour: string;
	materials: MaterialRow[];
}

export interface MaterialLine {
	name: string;
	quantity: number;
	unitFen: number;
	/** Supplied by the owner: listed, not charged. */
	ownerSupplied: boolean;
}

export interface CheckedQuote {
	serviceItemId: string | null;
	labourFen: number;
	materials: MaterialLine[];
	totalFen: number;
}

export type QuoteFieldError =
	| 'quoteItemUnknown'
	| 'quoteQuantityInvalid'
	| 'quoteLabourRequired'
	| 'quoteAmountInvalid'
	| 'quoteMaterialNameRequired'
	| 'quoteMaterialNameTooLong'
	| 'quoteMaterialQuantityInvalid'
	| 'quoteMaterialsTooMany'
	| 'quoteTotalTooLarge';

/** Field names: `item`, `quantity`, `labour`, `materials`, `materialName0`, `materialPrice0`… */
export type QuoteFormErrors = Partial<Record<string, QuoteFieldError>>;

const chars = (text: string) => [...text].length;

function wholeNumber(text: string, max: number): number | null {
	const trimmed = text.trim();
	if (trimmed === '') return 1;
	if (!/^\d{1,4}$/.test(trimmed)) return null;
	const n = Number(trimmed);
	return n >= 1 && n <= max ? n : null;
}

const blankRow = (row: MaterialRow) =>
	row.name.trim() === '' && row.quantity.trim() === '' && row.price.trim() === '';

export function materialsCharged(materials: readonly MaterialLine[]): number {
	return materials.reduce((sum, m) => sum + (m.ownerSupplied ? 0 : m.quantity * m.unitFen), 0);
}

/**
 * Checks a quote as staff typed it against the site's price list. Labour left blank is priced
 * from the list (the entry's labour × quantity); blank material rows are ignored; a material the
 * owner supplies is listed without a price.
 */
export function checkQuote(
	form: QuoteForm,
	priceList: readonly PriceItem[]
):
	| { ok: true; quote: CheckedQuote }
	| {
			ok: false;
			errors: QuoteFormErrors;
	  } {
	const errors: QuoteFormErrors = {};
	const item = form.item.trim() === '' ? null : priceList.find((p) => p.id === form.item.trim());
	if (form.item.trim() !== '' && !item) errors.item = 'quoteItemUnknown';
	const quantity = wholeNumber(form.quantity, ITEM_QUANTITY_MAX);
	if (quantity === null) errors.quantity = 'quoteQuantityInvalid';

	let labourFen: number | null = null;
	if (form.labour.trim() !== '') {
		labourFen = parseYuan(form.labour);
		if (labourFen === null) errors.labour = 'quoteAmountInvalid';
	} else if (item && quantity !== null) {
		labourFen = item.labourFen * quantity;
	} else if (!item && !errors.item) {
		errors.labour = 'quoteLabourRequired';
	}

	const rows = form.materials.map((row, i) => ({ row, i })).filter(({ row }) => !blankRow(row));
	if (rows.length > MATERIALS_MAX) errors.materials = 'quoteMaterialsTooMany';
	const materials: MaterialLine[] = [];
	for (const { row, i } of rows) {
		const name = row.name.trim();
		if (name === '') errors[`materialName${i}`] = 'quoteMaterialNameRequired';
		else if (chars(name) > MATERIAL_NAME_MAX)
			errors[`materialName${i}`] = 'quoteMaterialNameTooLong';
		const count = wholeNumber(row.quantity, MATERIAL_QUANTITY_MAX);
		if (count === null) errors[`materialQuantity${i}`] = 'quoteMaterialQuantityInvalid';
		// What the owner brings costs nothing; anything else needs its stock price.
		const unitFen = row.ownerSupplied && row.price.trim() === '' ? 0 : parseYuan(row.price);
		if (unitFen === null) errors[`materialPrice${i}`] = 'quoteAmountInvalid';
		if (count !== null && unitFen !== null && name !== '') {
			materials.push({ name, quantity: count, unitFen, ownerSupplied: row.ownerSupplied });
		}
	}

	if (Object.keys(errors).length > 0 || labourFen === null) return { ok: false, errors };
	const totalFen = labourFen + materialsCharged(materials);
	if (totalFen > AMOUNT_MAX_FEN) return { ok: false, errors: { labour: 'quoteTotalTooLarge' } };
	return {
		ok: true,
		quote: { serviceItemId: item?.id ?? null, labourFen, materials, totalFen }
	};
}

/** A ticket's quote as the rules see it: the latest one not superseded. */
export interface QuoteState {
	status: QuoteStatus;
	totalFen: number;
	/** Waived so far by the director. */
	waivedFen: number;
	/** How it was settled; null while owed. */
	payment: PaymentMethod | null;
}

/** What is still owed on a confirmed quote. */
export const dueFen = (quote: QuoteState) => Math.max(0, quote.totalFen - quote.waivedFen);

export const QUOTE_STEPS = ['propose', 'confirm', 'decline', 'cash', 'bill', 'waive'] as const;
export type QuoteStep = (typeof QUOTE_STEPS)[number];

export type QuoteRefusal =
	| 'quoteNotPaidService'
	| 'quoteWrongStatus'
	| 'quoteNone'
	| 'quoteNotProposed'
	| 'quoteNotConfirmed'
	| 'quoteSettled'
	| 'quoteHasWaiver'
	| 'quoteNotDone'
	| 'quoteCashOverLimit'
	| 'quoteNothingDue';

/** Work not yet done: a quote may be made or replaced (a reopened request may need more work). */
const BEFORE_DONE: readonly TicketStatus[] = [
	'new',
	'accepted',
	'in_progress',
	'waiting_owner',
	'reopened'
];
/** The work is done: it is paid for now. */
const DONE: readonly TicketStatus[] = ['resolved', 'followed_up'];

/**
 * Whether `step` may be taken on a paid service's quote now. Who may take it is the access table's
 * business; this is about the ticket and the money.
 */
export function quoteRefusal(
	step: QuoteStep,
	ticket: { type: TicketType; status: TicketStatus },
	quote: QuoteState | null
): QuoteRefusal | null {
	if (ticket.type !== 'paid_service') return 'quoteNotPaidService';
	if (step === 'propose') {
		if (!BEFORE_DONE.includes(ticket.status)) return 'quoteWrongStatus';
		// A paid quote is not replaced: redoing the same work is free ("redo until satisfied").
		if (quote?.payment) return 'quoteSettled';
		// Nor one the director waived part of: the waiver (and their month's room) is on it.
		return quote && quote.waivedFen > 0 ? 'quoteHasWaiver' : null;
	}
	if (!quote) return 'quoteNone';
	if (step === 'confirm' || step === 'decline') {
		// Answered before the work: a declined or closed request's quote is moot.
		if (!BEFORE_DONE.includes(ticket.status)) return 'quoteWrongStatus';
		return quote.status === 'proposed' ? null : 'quoteNotProposed';
	}
	if (quote.status !== 'confirmed') return 'quoteNotConfirmed';
	if (quote.payment) return 'quoteSettled';
	if (step === 'waive') return dueFen(quote) > 0 ? null : 'quoteNothingDue';
	if (!DONE.includes(ticket.status)) return 'quoteNotDone';
	if (step === 'cash' && dueFen(quote) > CASH_LIMIT_FEN) return 'quoteCashOverLimit';
	return null;
}

/** The quote steps open now, in the order the console offers them. */
export function quoteStepsAllowed(
	ticket: { type: TicketType; status: TicketStatus },
	quote: QuoteState | null
): QuoteStep[] {
	return QUOTE_STEPS.filter((step) => quoteRefusal(step, ticket, quote) === null);
}

export type WaiverError =
	| 'waiverAmountInvalid'
	| 'waiverOverDue'
	| 'waiverOverCap'
	| 'waiverReasonRequired'
	| 'waiverReasonTooLong';

/**
 * A director's waiver: more than nothing, no more than is owed, within what is left of their
 * 200 yuan this month, with a reason.
 */
export function checkWaiver(
	input: { amount: string; reason: string },
	owedFen: number,
	waivedThisMonthFen: number
):
	| { ok: true; amountFen: number; reason: string }
	| { ok: false; errors: Partial<Record<'amount' | 'reason', WaiverError>> } {
	const errors: Partial<Record<'amount' | 'reason', WaiverError>> = {};
	const amountFen = parseYuan(input.amount);
	if (amountFen === null || amountFen === 0) errors.amount = 'waiverAmountInvalid';
	else if (amountFen > owedFen) errors.amount = 'waiverOverDue';
	else if (waivedThisMonthFen + amountFen > WAIVER_CAP_FEN) errors.amount = 'waiverOverCap';
	const reason = input.reason.trim();
	if (reason === '') errors.reason = 'waiverReasonRequired';
	else if (chars(reason) > NOTE_MAX) errors.reason = 'waiverReasonTooLong';
	if (Object.keys(errors).length > 0 || amountFen === null) return { ok: false, errors };
	return { ok: true, amountFen, reason };
}

/** How the staff member who records the owner's answer says they got it (in person, by phone). */
export function checkAnswerNote(
	note: string
): { ok: true; note: string } | { ok: false; error: 'quoteNoteRequired' | 'quoteNoteTooLong' } {
	const text = note.trim();
	if (text === '') return { ok: false, error: 'quoteNoteRequired' };
	if (chars(text) > NOTE_MAX) return { ok: false, error: 'quoteNoteTooLong' };
	return { ok: true, note: text };
}

/**
 * Who may take a staff step: customer service on any paid service, an engineer only on the work
 * given to them (as with the ticket's own steps); waivers are the director's alone.
 */
export function quoteActorRefusal(
	step: QuoteStep,
	ticket: { assigneeId: string | null },
	actor: { staffId: string; role: StaffRole }
): 'actionForbidden' | 'actionNotAssignee' | null {
	if (step === 'waive') return can(actor.role, 'fee.waive') ? null : 'actionForbidden';
	if (!can(actor.role, 'ticket.work')) return 'actionForbidden';
	if (!can(actor.role, 'ticket.dispatch') && ticket.assigneeId !== actor.staffId) {
		return 'actionNotAssignee';
	}
	return null;
}
