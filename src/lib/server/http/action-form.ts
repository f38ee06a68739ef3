import { fromSiteLocal } from '../../domain/site-time.js';
import type { ActionInput } from '../../domain/ticket-action-input.js';

const FIELDS = [
	'staffId',
	'contactKind',
	'text',
	'reason',
	'satisfaction',
	'at',
	'nextReplyAt',
	'incidentHappened',
	'incidentDone',
	'incidentAttended'
] as const;

/** The form's text as typed, to give back with the messages so nothing is lost. */
export type ActionEcho = Record<(typeof FIELDS)[number], string>;

function siteTime(value: string, timeZone: string): Date | 'invalid' | null {
	if (!value) return null;
	return fromSiteLocal(value, timeZone) ?? 'invalid';
}

/** Reads a workflow action's form; times are the site's wall clock (`YYYY-MM-DDTHH:mm`). */
export function readActionForm(
	form: FormData,
	timeZone: string
): { input: ActionInput; echo: ActionEcho } {
	const echo = Object.fromEntries(
		FIELDS.map((name) => [name, String(form.get(name) ?? '').slice(0, 2000)])
	) as ActionEcho;
	return {
		echo,
		input: {
			...echo,
			staffId: /^[0-9a-f-]{36}$/i.test(echo.staffId) ? echo.staffId.toLowerCase() : '',
			at: siteTime(echo.at, timeZone),
			nextReplyAt: siteTime(echo.nextReplyAt, timeZone)
		}
	};
}
