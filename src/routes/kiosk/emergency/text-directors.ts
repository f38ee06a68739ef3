import { textDirectors } from '#lib/server/emergency-texts.js';
import { app } from '#lib/server/runtime.js';

/**
 * Texts the site's directors once the emergency is committed, without holding the caller's
 * screen for the gateway: the call stands whether a text goes or not (every console has its
 * alert already), so a failure is only logged.
 */
export function textDirectorsInBackground(ticketId: string): void {
	const { db, sms } = app();
	void textDirectors(db, { ticketId, send: sms }).catch((error: unknown) => {
		console.error('Texting the directors failed:', error instanceof Error ? error.message : error);
	});
}
