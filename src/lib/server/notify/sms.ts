import { appendFile } from 'node:fs/promises';
import type { SmsConfig } from '../config.js';

export interface TextMessage {
	/** A mainland mobile number. */
	to: string;
	text: string;
}

/** Sends one text; resolves true when the gateway took it. Never throws. */
export type SmsSender = (message: TextMessage) => Promise<boolean>;

const WEBHOOK_TIMEOUT_MS = 5_000;

/**
 * The text-message gateway. Lobby Desk speaks one plain protocol (POST `{ to, text }` as JSON,
 * any 2xx is accepted) that a small adapter puts in front of the operator's SMS provider; a file
 * outbox (one JSON line per text) serves development and tests; with neither, nothing is sent and
 * the visitor desk takes over when the host's time runs out, as it does for a host who is away.
 */
export function smsSender(config: SmsConfig): SmsSender {
	switch (config.kind) {
		case 'webhook':
			return async (message) => {
				try {
					const response = await fetch(config.url, {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: JSON.stringify(message),
						signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS)
					});
					return response.ok;
				} catch (error: unknown) {
					console.error('SMS gateway failed:', error instanceof Error ? error.message : error);
					return false;
				}
			};
		case 'file':
			return async (message) => {
				try {
					await appendFile(config.path, `${JSON.stringify({ ...message, at: new Date() })}\n`);
					return true;
				} catch (error: unknown) {
					console.error('SMS outbox failed:', error instanceof Error ? error.message : error);
					return false;
				}
			};
		case 'none':
			return async () => false;
	}
}
