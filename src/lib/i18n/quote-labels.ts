import type { PaymentMethod, QuoteStatus } from '../domain/vocabulary.js';
import type { Messages } from './messages.js';

type Key = keyof Messages;

const STATUS: Record<QuoteStatus, Key> = {
	proposed: 'quoteStatusProposed',
	confirmed: 'quoteStatusConfirmed',
	declined: 'quoteStatusDeclined',
	superseded: 'quoteStatusSuperseded'
};

const PAYMENT: Record<PaymentMethod, Key> = {
	cash: 'paymentCash',
	monthly_bill: 'paymentMonthlyBill',
	waived: 'paymentWaived'
};

export const quoteStatusLabel = (m: Messages, status: QuoteStatus) => m[STATUS[status]] as string;
export const paymentLabel = (m: Messages, payment: PaymentMethod) => m[PAYMENT[payment]] as string;
