import { fail } from '@sveltejs/kit';
import type { Action as AccessAction } from '#lib/domain/access.js';
import { requirePermission } from '#lib/server/auth/guard.js';
import { readQuoteForm } from '#lib/server/http/quote-form.js';
import {
	answerQuote,
	proposeQuote,
	settleQuote,
	waiveFee,
	type QuoteResult,
	type QuoteStepError
} from '#lib/server/quotes.js';
import { app } from '#lib/server/runtime.js';
import { findTicket } from '#lib/server/ticket-view.js';
import type { RequestEvent } from './$types';

/**
 * The ticket page's quote actions (paid services). The role is checked before the ticket is
 * looked up, as for the workflow's own actions; `quotes.ts` judges the rest under a row lock.
 */

const STATUS: Record<QuoteStepError, number> = {
	ticketNotFound: 404,
	actionForbidden: 403,
	actionNotAssignee: 409,
	quoteNoteRequired: 400,
	quoteNoteTooLong: 400,
	quoteNotPaidService: 409,
	quoteWrongStatus: 409,
	quoteNone: 409,
	quoteNotProposed: 409,
	quoteNotConfirmed: 409,
	quoteSettled: 409,
	quoteNotDone: 409,
	quoteCashOverLimit: 409,
	quoteNothingDue: 409,
	quoteHasWaiver: 409,
	quoteChanged: 409
};

/** Refusals that belong beside the answer's note field rather than at the top. */
const AT_NOTE: readonly QuoteStepError[] = ['quoteNoteRequired', 'quoteNoteTooLong'];

type Run = (input: {
	siteId: string;
	ticketId: string;
	timeZone: string;
	actor: { staffId: string; role: import('#lib/domain/vocabulary.js').StaffRole };
	form: FormData;
}) => Promise<{ result: QuoteResult; echo: Record<string, string> }>;

function quoteAction(action: string, gate: AccessAction, run: Run) {
	return async ({ locals, url, params, request }: RequestEvent) => {
		const { db } = app();
		const { user, site, role } = await requirePermission(db, locals, url, gate);
		const ticket = await findTicket(db, site.id, params.serial);
		if (!ticket) return fail(404, { action, refusal: 'ticketNotFound' as const });
		const { result, echo } = await run({
			siteId: site.id,
			ticketId: ticket.id,
			timeZone: site.timeZone,
			actor: { staffId: user.id, role },
			form: await request.formData()
		});
		if (result.ok) return { action, done: true };
		if ('errors' in result) return fail(400, { action, errors: result.errors, values: echo });
		if (AT_NOTE.includes(result.error)) {
			return fail(400, { action, errors: { note: result.error }, values: echo });
		}
		return fail(STATUS[result.error], { action, refusal: result.error, values: echo });
	};
}

const note = (form: FormData) => ({ note: String(form.get('note') ?? '').slice(0, 2000) });
/** The quote the page showed (a hidden field), so a quote replaced since is not answered blind. */
const shown = (form: FormData) => String(form.get('quote') ?? '').slice(0, 64);

export const quoteActions = {
	quotePropose: quoteAction('quotePropose', 'ticket.work', async ({ form, ...input }) => {
		const { input: quote, echo } = readQuoteForm(form);
		return { result: await proposeQuote(app().db, { ...input, form: quote }), echo };
	}),
	quoteConfirm: quoteAction('quoteConfirm', 'ticket.work', async ({ form, actor, ...input }) => {
		const echo = note(form);
		const by = { ...actor, note: echo.note };
		const quoteId = shown(form);
		return {
			result: await answerQuote(app().db, { ...input, quoteId, answer: 'confirm', by }),
			echo
		};
	}),
	quoteDecline: quoteAction('quoteDecline', 'ticket.work', async ({ form, actor, ...input }) => {
		const echo = note(form);
		const by = { ...actor, note: echo.note };
		const quoteId = shown(form);
		return {
			result: await answerQuote(app().db, { ...input, quoteId, answer: 'decline', by }),
			echo
		};
	}),
	quoteCash: quoteAction('quoteCash', 'ticket.work', async (input) => ({
		result: await settleQuote(app().db, { ...input, method: 'cash' }),
		echo: {}
	})),
	quoteBill: quoteAction('quoteBill', 'ticket.work', async (input) => ({
		result: await settleQuote(app().db, { ...input, method: 'bill' }),
		echo: {}
	})),
	quoteWaive: quoteAction('quoteWaive', 'fee.waive', async ({ form, ...input }) => {
		const echo = {
			amount: String(form.get('amount') ?? '').slice(0, 200),
			reason: String(form.get('reason') ?? '').slice(0, 2000)
		};
		return { result: await waiveFee(app().db, { ...input, ...echo }), echo };
	})
};
