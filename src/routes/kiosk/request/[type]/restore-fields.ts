/**
 * Puts a kept draft's values back into the form's controls (after a reload, the page was
 * rendered empty). Returns the draft's values by name, for the ones the page itself holds.
 */
export function restoreFields(
	form: HTMLFormElement,
	fields: [string, string][]
): Record<string, string | undefined> {
	const byName: Record<string, string | undefined> = {};
	for (const [name, value] of fields) {
		byName[name] = value;
		const control = form.elements.namedItem(name);
		if (control instanceof RadioNodeList) control.value = value;
		else if (
			control instanceof HTMLInputElement ||
			control instanceof HTMLTextAreaElement ||
			control instanceof HTMLSelectElement
		)
			control.value = value;
	}
	return byName;
}
