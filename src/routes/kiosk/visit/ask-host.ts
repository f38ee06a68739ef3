import type { HostToAsk, Visit } from '#lib/server/visitors/register-visit.js';
import { askHost } from '#lib/server/visitors/host-notify.js';
import { app } from '#lib/server/runtime.js';

/**
 * Texts the host once the visit is committed, without holding the visitor's screen for the
 * gateway: the registration stands whether the text goes or not (the desk takes over when the
 * host's time is up), so a failure is only logged.
 */
export function askHostInBackground(visit: Visit, ask: HostToAsk | null, origin: string): void {
	if (!ask) return;
	const { db, sms, config } = app();
	void askHost(db, {
		visit,
		ask,
		origin,
		send: sms,
		consentSeconds: config.visitorConsentSeconds
	}).catch((error: unknown) => {
		console.error('Asking the host failed:', error instanceof Error ? error.message : error);
	});
}
