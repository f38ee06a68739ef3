import type { Translation } from './translation.js';
import type { zh } from './receipt.js';

export const en: Translation<typeof zh> = {
	receiptFormTitle: 'Customer request form',
	receiptSpecialCare: 'Special care',
	receiptSpecialCareNote:
		'Your household is registered as needing special care: staff will come first and look after your needs.',
	receiptNo: 'NO.',
	receiptFiledAt: 'Filed',
	receiptType: 'Type',
	receiptCategory: 'Category',
	receiptHome: 'Home',
	receiptDescription: 'Request',
	receiptPreferredAt: 'Preferred visit time',
	receiptNotGiven: 'Not given',
	receiptNext: 'What happens next',
	receiptScan: 'Scan with your phone to follow your request',
	receiptScanPrinted:
		'Scan to follow progress, add information, confirm the visit, accept and rate the work',
	receiptLinkValid: (p) => `The code works for ${p.days} days. Do not pass it on.`,
	receiptPrint: 'Print the form',
	nextEmergency: (p) => `Staff on duty are on their way now; the desk responds within ${p.within}.`,
	nextRepairArrival: (p) =>
		`Filed in working hours${p.hours ? ` (${p.hours})` : ''}, an engineer is there within ${p.inHours} minutes; otherwise within ${p.outOfHours} minutes.`,
	nextRepairAccept: 'When the repair is done, check it and accept it; customer service calls back.',
	nextComplaintReply: (p) =>
		`You will have a reply within ${p.within}, and we agree when the next one comes.`,
	nextComplaintFollowUp: (p) => `We follow up within ${p.within} of resolving it.`,
	nextPaidQuote:
		'Before any work you get a quote from the published price list (labour + materials) to confirm; the visit is at a time that suits you.',
	nextPaidFollowUp: (p) =>
		`When the work is done you accept and sign it; we follow up within ${p.within}.`,
	withinMinutes: (p) =>
		p.minutes % 60 === 0
			? `${p.minutes / 60} ${p.minutes === 60 ? 'hour' : 'hours'}`
			: `${p.minutes} ${p.minutes === 1 ? 'minute' : 'minutes'}`,
	withinWorkingDays: (p) => `${p.days} working ${p.days === 1 ? 'day' : 'days'}`,
	nextConsultation:
		'The desk answers on the spot when it can; otherwise the supervisor answers you in writing.',
	nextReleasePass:
		'Valid once the duty supervisor approves it; show it to the guard on the way out.',
	nextOther: 'We have recorded it and will answer you soon.'
};
