import type { DatabaseHandle } from './client.js';

export const PING_TIMEOUT_MS = 2_000;

/** Whether the database answers a ping within `timeoutMs`; never throws. */
export async function databaseAnswers(
	database: Pick<DatabaseHandle, 'ping'>,
	timeoutMs = PING_TIMEOUT_MS
): Promise<boolean> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	try {
		await Promise.race([
			database.ping(),
			new Promise((_, reject) => {
				timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
			})
		]);
		return true;
	} catch {
		return false;
	} finally {
		clearTimeout(timer);
	}
}
