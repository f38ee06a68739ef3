import type { Messages } from '#lib/i18n/messages.js';

/** The words for a field's error code (an i18n key), or null when the field is fine. */
export function fieldMessage(
	m: Messages,
	errors: Partial<Record<string, string>> | undefined | null,
	field: string
): string | null {
	const key = errors?.[field];
	if (!key || !(key in m)) return null;
	const text = m[key as keyof Messages];
	return typeof text === 'string' ? text : null;
}

/** A message the field gives back to its page: reads one field's error. */
export type FieldMessage = (field: string) => string | null;
