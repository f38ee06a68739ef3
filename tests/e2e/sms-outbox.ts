import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where the browser tests' server writes its texts (one JSON line each), per port. */
export function smsOutboxPath(port: number): string {
	return join(tmpdir(), `lobbydesk-e2e-sms-${port}.jsonl`);
}

export interface SentText {
	to: string;
	text: string;
	at: string;
}

/** Every text the server sent so far, oldest first. */
export function sentTexts(port: number): SentText[] {
	const path = smsOutboxPath(port);
	if (!existsSync(path)) return [];
	return readFileSync(path, 'utf8')
		.split('\n')
		.filter(Boolean)
		.map((line) => JSON.parse(line) as SentText);
}

/** The household link in a text (`/h/<token>`), as a path. */
export function hostLinkIn(text: string): string | null {
	return /\/h\/[a-z2-7]{32}/.exec(text)?.[0] ?? null;
}
