/**
 * Requests no page of ours sends, recognised before a load or an action reads them: a NUL
 * character (nobody types one, and Postgres cannot store or compare text holding it) in the
 * address or in a form, a form posted as `text/plain` (which `request.formData()` cannot read),
 * and a multipart body that does not parse. Each would otherwise end in a 500.
 */

const NUL_IN_ADDRESS = /%00/i;
const NUL_IN_FORM = /%00|\0/i;

/** The media type of a Content-Type header, lower-cased, without its parameters. */
function mediaType(header: string | null): string {
	return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** An error that carries its own HTTP status (the server's 413 for a body over its limit). */
export function hasStatus(error: unknown): boolean {
	return typeof (error as { status?: unknown } | null)?.status === 'number';
}

/** A NUL in the path or the query, where only its percent-encoding can carry it. */
export function addressUnreadable(url: URL): boolean {
	return NUL_IN_ADDRESS.test(url.pathname) || NUL_IN_ADDRESS.test(url.search);
}

/**
 * Why a POST's body cannot be taken as a form: 415 for a type forms are not sent as, 400 for a
 * broken multipart body or a NUL; null when it is fine or not a form at all (JSON and the rest
 * are left to the route, which refuses what it does not take). A body over the size limit
 * rejects with the server's own 413, as it would when the route reads it.
 */
export async function formUnreadable(request: Request): Promise<400 | 415 | null> {
	if (request.method !== 'POST') return null;
	const type = mediaType(request.headers.get('content-type'));
	if (type === 'text/plain') return 415;
	if (type === 'application/x-www-form-urlencoded') {
		return NUL_IN_FORM.test(await request.clone().text()) ? 400 : null;
	}
	if (type !== 'multipart/form-data') return null;
	let form: FormData;
	try {
		form = await request.clone().formData();
	} catch (error) {
		if (hasStatus(error)) throw error;
		return 400;
	}
	for (const [name, value] of form) {
		if (name.includes('\0') || (typeof value === 'string' && value.includes('\0'))) return 400;
	}
	return null;
}
