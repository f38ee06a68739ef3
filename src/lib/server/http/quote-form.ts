import type { MaterialRow, QuoteForm } from '../../domain/quotes.js';

/** How many material rows the console's quote form offers. */
export const MATERIAL_ROWS = 4;

const text = (form: FormData, name: string) => String(form.get(name) ?? '').slice(0, 200);

/**
 * Reads the console's quote form (`item`, `quantity`, `labour`, and per row `materialName<i>`,
 * `materialQuantity<i>`, `materialPrice<i>`, `materialOwner<i>`), and what was typed, to give
 * back with the messages.
 */
export function readQuoteForm(form: FormData): { input: QuoteForm; echo: Record<string, string> } {
	const materials: MaterialRow[] = Array.from({ length: MATERIAL_ROWS }, (_, i) => ({
		name: text(form, `materialName${i}`),
		quantity: text(form, `materialQuantity${i}`),
		price: text(form, `materialPrice${i}`),
		ownerSupplied: form.get(`materialOwner${i}`) === 'on'
	}));
	const input = {
		item: text(form, 'item'),
		quantity: text(form, 'quantity'),
		labour: text(form, 'labour'),
		materials
	};
	const echo: Record<string, string> = {
		item: input.item,
		quantity: input.quantity,
		labour: input.labour
	};
	materials.forEach((row, i) => {
		echo[`materialName${i}`] = row.name;
		echo[`materialQuantity${i}`] = row.quantity;
		echo[`materialPrice${i}`] = row.price;
		if (row.ownerSupplied) echo[`materialOwner${i}`] = 'on';
	});
	return { input, echo };
}
