import type { Translation } from './translation.js';
import type { zh } from './price-list.js';

export const en: Translation<typeof zh> = {
	priceListTitle: 'Paid services price list',
	priceListIntro:
		'Fee = labour + materials (at the stock price; materials you supply cost nothing). You get a quote first, and the work starts only once you confirm it. Up to ¥50 can be paid in cash on the spot; the rest goes on the monthly property bill.',
	priceListEmpty: 'The price list has not been published yet; please ask at the front desk.',
	priceListItem: 'Service',
	priceListLabour: 'Labour',
	priceListPer: (p) => `${p.price} / ${p.unit}`
};
