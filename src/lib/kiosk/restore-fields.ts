/**
 * Puts a kept draft's values back into the form's controls (after a reload, the page was
 * rendered empty). A name sent more than once (the pass's item lines) fills its controls in
 * order; a radio group gets its one value. Returns the draft's first value of each name, for the
 * ones the page itself holds (the idempotency key).
 */
export function restoreFields(
	form: HTMLFormElement,
	fields: [string, string][]
): Record<string, string | undefined> {
	const byName: Record<string, string | undefined> = {};
	const seen = new Map<string, number>();
	for (const [name, value] of fields) {
		const nth = seen.get(name) ?? 0;
		seen.set(name, nth + 1);
		byName[name] ??= value;
		const named = form.elements.namedItem(name);
		if (named instanceof RadioNodeList) {
			const first = named[0];
			if (first instanceof HTMLInputElement && first.type === 'radio') named.value = value;
			else setValue(named[nth], value);
		} else if (nth === 0) setValue(named, value);
	}
	return byName;
}

function setValue(control: unknown, value: string): void {
	if (
		control instanceof HTMLInputElement ||
		control instanceof HTMLTextAreaElement ||
		control instanceof HTMLSelectElement
	)
		control.value = value;
}
