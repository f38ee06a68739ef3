const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A record id from a form: a UUID, or null for anything else (never a query that fails). */
export function formId(form: FormData, name: string): string | null {
	const value = form.get(name);
	return typeof value === 'string' && UUID.test(value) ? value.toLowerCase() : null;
}

/** A record id from a URL or anywhere else: true only for a UUID a query can take. */
export function isUuid(value: string | null | undefined): value is string {
	return typeof value === 'string' && UUID.test(value);
}
