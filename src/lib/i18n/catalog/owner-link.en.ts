import type { Translation } from './translation.js';
import type { zh } from './owner-link.js';

export const en: Translation<typeof zh> = {
	ownerLinkTitle: "The owner's follow link",
	ownerLinkSend: 'Text the owner a follow link',
	ownerLinkSendTo: ({ last4 }) =>
		`Goes by text to the reporter's mobile on record (ending ${last4}); the owner follows the request on their phone.`,
	ownerLinkNoMobile: 'The reporter has no mobile number on record: no link can be texted.',
	ownerLinkActive: ({ count }) => `${count} active ${count === 1 ? 'link' : 'links'}`,
	ownerLinkRevoke: "Withdraw the owner's links",
	ownerLinkRevokeHint:
		"Every owner link of this ticket stops working at once, the receipt's QR code included.",
	ownerLinkSentDone: ({ last4 }) => `Sent to the mobile ending ${last4}.`,
	ownerLinkRevokedDone: ({ count }) => `${count} ${count === 1 ? 'link' : 'links'} withdrawn.`,
	ownerLinkNoPhone: 'This ticket has no mobile number for the reporter: no link can be texted.',
	ownerLinkTooMany: ({ count, time }) =>
		`A follow link was texted ${count} times for this ticket within the hour. Try again after ${time}.`,
	ownerLinkNoGateway: 'Text messages are not set up: no link can be texted.',
	ownerLinkSendFailed:
		'The text did not go out and its link was cancelled. Try again later, or call the owner.',
	ownerLinkNoneActive: 'This ticket has no active owner links any more.',
	ownerLinkToPhone: ({ last4 }) => `ending ${last4}`,
	ownerLinkCount: ({ count }) => `${count} ${count === 1 ? 'link' : 'links'}`,
	eventOwnerLinkSent: 'texted the owner a follow link',
	eventOwnerLinkSendFailed: 'texted a follow link that did not go out (link cancelled)',
	eventOwnerLinkRevoked: "withdrew the owner's links"
};
