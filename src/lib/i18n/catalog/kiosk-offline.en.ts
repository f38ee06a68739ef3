import type { Translation } from './translation.js';
import type { zh } from './kiosk-offline.js';

export const en: Translation<typeof zh> = {
	kioskSending: 'Sending…',
	kioskOfflineTitle: 'The connection is down for now',
	kioskOfflineBody:
		'What you typed is kept and will be sent by itself as soon as the connection is back. Please stay here.',
	kioskOfflineRetrying: 'Trying again…',
	kioskOfflineRetryNow: 'Try again now',
	kioskUnsentTitle: 'A request is being sent. Please wait',
	kioskUnsentBody:
		'It goes through by itself when the connection is back, and shows its number. What was typed is hidden meanwhile, for privacy.'
};
