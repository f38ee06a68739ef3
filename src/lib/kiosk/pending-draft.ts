/**
 * A kiosk request that could not be sent, kept in the tab's `sessionStorage` so that a reload of
 * the same form does not lose it. Only while unsent: it is written when an attempt gets no
 * answer and removed when the server answers, when the owner leaves the form, or when any other
 * kiosk page finds it. Nothing of it ever goes to `localStorage`.
 */

const KEY = 'lobbydesk.kiosk.unsent';

export interface PendingDraft {
	/** The form's path (`/kiosk/request/repair`): the draft is restored only there. */
	path: string;
	/** The form's fields as submitted, idempotency key included. */
	fields: [string, string][];
}

type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function saveDraft(storage: DraftStorage, draft: PendingDraft): void {
	try {
		storage.setItem(KEY, JSON.stringify(draft));
	} catch {
		// Storage full or refused: the draft still lives in the page, which keeps retrying.
	}
}

function read(storage: DraftStorage): PendingDraft | null {
	let parsed: unknown;
	try {
		parsed = JSON.parse(storage.getItem(KEY) ?? 'null');
	} catch {
		return null;
	}
	if (!parsed || typeof parsed !== 'object') return null;
	const { path, fields } = parsed as Record<string, unknown>;
	if (typeof path !== 'string' || !Array.isArray(fields)) return null;
	const pairs = fields.filter(
		(f): f is [string, string] =>
			Array.isArray(f) && f.length === 2 && typeof f[0] === 'string' && typeof f[1] === 'string'
	);
	return { path, fields: pairs };
}

/** The unsent draft of the form at `path`, if there is one. */
export function draftFor(storage: DraftStorage, path: string): PendingDraft | null {
	const draft = read(storage);
	return draft?.path === path ? draft : null;
}

export function clearDraft(storage: DraftStorage): void {
	try {
		storage.removeItem(KEY);
	} catch {
		// Nothing stored, or storage unavailable: nothing to clear.
	}
}

/** Anywhere but its own form, a kept draft is somebody else's: drop it. */
export function clearDraftUnlessAt(storage: DraftStorage, path: string): void {
	const draft = read(storage);
	if (draft?.path !== path) clearDraft(storage);
}

/** The tab's session storage, or null where the browser refuses it. */
export function sessionDraftStorage(): DraftStorage | null {
	try {
		return globalThis.sessionStorage ?? null;
	} catch {
		return null;
	}
}

/** The form's fields as strings (the kiosk form has no files). */
export function fieldsOf(form: FormData): [string, string][] {
	return [...form.entries()].flatMap(([name, value]) =>
		typeof value === 'string' ? [[name, value] as [string, string]] : []
	);
}
