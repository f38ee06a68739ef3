import { error, fail } from '@sveltejs/kit';
import {
	acceptWork,
	addOwnerNote,
	confirmAppointment,
	rateService,
	type OwnerActionError,
	type OwnerActionResult
} from '#lib/server/owner-actions.js';
import { resolveOwnerLink } from '#lib/server/owner-links.js';
import { answerQuote } from '#lib/server/quotes.js';
import { loadOwnerStatus } from '#lib/server/owner-status.js';
import { app } from '#lib/server/runtime.js';
import type { Actions, PageServerLoad } from './$types';

/**
 * The owner's phone page. The link is the only credential: no session, no device. An unknown
 * link is a 404, an expired or revoked one a 410; both show the "ask the front desk" page.
 */
async function linkOf(token: string): Promise<{ ticketId: string; siteId: string }> {
	const link = await resolveOwnerLink(app().db, token);
	if (!link.ok) error(link.reason === 'unknown' ? 404 : 410, 'This link has expired');
	return link;
}
const ticketOf = async (token: string) => (await linkOf(token)).ticketId;

/** The owner's answer to the quote: a refusal (answered already, replaced) shows at its buttons. */
async function answer(token: string, answer: 'confirm' | 'decline', request: Request) {
	const link = await linkOf(token);
	const action = answer === 'confirm' ? 'quoteConfirm' : 'quoteDecline';
	// The quote the owner was shown: one replaced since is not confirmed unread.
	const quoteId = String((await request.formData()).get('quote') ?? '').slice(0, 64);
	const result = await answerQuote(app().db, { ...link, quoteId, answer, by: 'owner' });
	if (result.ok) return { done: action };
	const error = 'error' in result ? result.error : 'quoteWrongStatus';
	return fail(409, { action: 'quote', field: null, error, values: {} });
}

export const load: PageServerLoad = async ({ params }) => {
	const { ticketId } = await linkOf(params.token);
	return { status: await loadOwnerStatus(app().db, ticketId) };
};

/** What was typed, sent back so a refused form keeps it. */
interface Values {
	text?: string;
	rating?: string;
	comment?: string;
}

/** Which field a message belongs beside; the rest show at the action's button. */
const FIELD: Partial<Record<OwnerActionError, keyof Values>> = {
	ownerNoteRequired: 'text',
	ownerNoteTooShort: 'text',
	ownerNoteTooLong: 'text',
	ownerNoteTooMany: 'text',
	ownerRatingRequired: 'rating',
	ownerCommentTooLong: 'comment'
};

function statusOf(error: OwnerActionError): number {
	if (error === 'ownerNoteTooMany') return 429;
	return FIELD[error] ? 400 : 409;
}

function reply(action: string, result: OwnerActionResult, values: Values = {}) {
	if (result.ok) return { done: action };
	return fail(statusOf(result.error), {
		action,
		field: FIELD[result.error] ?? null,
		error: result.error,
		values
	});
}

const text = (form: FormData, name: string) => String(form.get(name) ?? '').slice(0, 2000);

export const actions: Actions = {
	note: async ({ params, request }) => {
		const ticketId = await ticketOf(params.token);
		const values = { text: text(await request.formData(), 'text') };
		return reply('note', await addOwnerNote(app().db, ticketId, values.text), values);
	},
	confirm: async ({ params }) => {
		const ticketId = await ticketOf(params.token);
		return reply('confirm', await confirmAppointment(app().db, ticketId));
	},
	accept: async ({ params }) => {
		const ticketId = await ticketOf(params.token);
		return reply('accept', await acceptWork(app().db, ticketId));
	},
	quoteConfirm: ({ params, request }) => answer(params.token, 'confirm', request),
	quoteDecline: ({ params, request }) => answer(params.token, 'decline', request),
	rate: async ({ params, request }) => {
		const ticketId = await ticketOf(params.token);
		const form = await request.formData();
		const values = { rating: text(form, 'rating'), comment: text(form, 'comment') };
		return reply(
			'rate',
			await rateService(app().db, ticketId, { rating: values.rating, comment: values.comment }),
			values
		);
	}
};
