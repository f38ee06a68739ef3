import { CONTACT_KINDS, type ContactKind, type TicketAction } from './ticket-workflow.js';
import { SATISFACTION, type Satisfaction, type TicketType } from './vocabulary.js';

/** What a workflow action's form sends, as text; the caller turns times into instants. */
export interface ActionInput {
	staffId: string;
	contactKind: string;
	text: string;
	reason: string;
	satisfaction: string;
	/** Instants, or 'invalid' when the form's time could not be read; null when empty. */
	at: Date | 'invalid' | null;
	nextReplyAt: Date | 'invalid' | null;
	incidentHappened: string;
	incidentDone: string;
	incidentAttended: string;
}

export type ActionField = keyof ActionInput;

export type ActionInputError =
	| 'staffRequired'
	| 'contactKindRequired'
	| 'textRequired'
	| 'textTooLong'
	| 'reasonRequired'
	| 'reasonTooLong'
	| 'satisfactionRequired'
	| 'timeRequired'
	| 'timeInvalid'
	| 'timePast'
	| 'incidentRequired';

export const TEXT_MAX = 1000;

/** The checked values an action goes on with. */
export interface ActionValues {
	staffId: string | null;
	contactKind: ContactKind | null;
	text: string | null;
	reason: string | null;
	satisfaction: Satisfaction | null;
	at: Date | null;
	nextReplyAt: Date | null;
	incident: { happened: string; done: string; attended: string } | null;
}

/** For an action that needs nothing more (claim, on site, resume…). */
export const NO_VALUES: ActionValues = {
	staffId: null,
	contactKind: null,
	text: null,
	reason: null,
	satisfaction: null,
	at: null,
	nextReplyAt: null,
	incident: null
};

type Errors = Partial<Record<ActionField, ActionInputError>>;

const isContactKind = (v: string): v is ContactKind =>
	(CONTACT_KINDS as readonly string[]).includes(v);
const isSatisfaction = (v: string): v is Satisfaction =>
	(SATISFACTION as readonly string[]).includes(v);

function required(
	errors: Errors,
	field: 'text' | 'reason',
	value: string,
	missing: ActionInputError
): string | null {
	const trimmed = value.trim();
	if (!trimmed) errors[field] = missing;
	else if ([...trimmed].length > TEXT_MAX)
		errors[field] = field === 'text' ? 'textTooLong' : 'reasonTooLong';
	return trimmed || null;
}

function futureTime(
	errors: Errors,
	field: 'at' | 'nextReplyAt',
	value: Date | 'invalid' | null,
	now: Date,
	optional: boolean
): Date | null {
	if (value === 'invalid') errors[field] = 'timeInvalid';
	else if (!value) {
		if (!optional) errors[field] = 'timeRequired';
	} else if (value.getTime() < now.getTime()) errors[field] = 'timePast';
	return value instanceof Date ? value : null;
}

/**
 * Checks what `action` needs, every field at once so each message shows beside its field:
 * a reason to decline, reopen or wait; text for a contact or a resolution; a satisfaction (and a
 * reason when dissatisfied) for a follow-up; the incident report to close an emergency.
 */
export function checkActionInput(
	action: TicketAction,
	type: TicketType,
	input: ActionInput,
	now: Date
): { ok: true; values: ActionValues } | { ok: false; errors: Errors } {
	const errors: Errors = {};
	const values: ActionValues = { ...NO_VALUES };
	const optionalText = () => {
		const text = input.text.trim();
		if ([...text].length > TEXT_MAX) errors.text = 'textTooLong';
		return text || null;
	};
	switch (action) {
		case 'assign':
		case 'dispatch':
			if (!input.staffId) errors.staffId = 'staffRequired';
			values.staffId = input.staffId || null;
			values.text = optionalText();
			break;
		case 'contact':
			if (isContactKind(input.contactKind)) values.contactKind = input.contactKind;
			else errors.contactKind = 'contactKindRequired';
			values.text = required(errors, 'text', input.text, 'textRequired');
			values.nextReplyAt = futureTime(errors, 'nextReplyAt', input.nextReplyAt, now, true);
			break;
		case 'appoint':
			values.at = futureTime(errors, 'at', input.at, now, false);
			break;
		case 'wait_owner':
		case 'decline':
		case 'reopen':
			values.reason = required(errors, 'reason', input.reason, 'reasonRequired');
			break;
		case 'resolve':
			values.text = required(errors, 'text', input.text, 'textRequired');
			break;
		case 'follow_up':
			if (isSatisfaction(input.satisfaction)) values.satisfaction = input.satisfaction;
			else errors.satisfaction = 'satisfactionRequired';
			if (values.satisfaction === 'dissatisfied') {
				values.reason = required(errors, 'reason', input.reason, 'reasonRequired');
			}
			values.text = optionalText();
			break;
		case 'close':
			if (type === 'emergency') {
				const happened = input.incidentHappened.trim();
				const done = input.incidentDone.trim();
				const attended = input.incidentAttended.trim();
				if (!happened) errors.incidentHappened = 'incidentRequired';
				if (!done) errors.incidentDone = 'incidentRequired';
				if (!attended) errors.incidentAttended = 'incidentRequired';
				values.incident = { happened, done, attended };
			}
			values.text = optionalText();
			break;
		default:
			values.text = optionalText();
	}
	return Object.keys(errors).length ? { ok: false, errors } : { ok: true, values };
}
