import type { DatabaseHandle } from './client.js';

export const PING_TIMEOUT_MS = 2_000;

/** The ping under way per database: a database that hangs gets one, not one per question. */
const inFlight = new WeakMap<object, Promise<void>>();

function ping(database: Pick<DatabaseHandle, 'ping'>): Promise<void> {
	let pending = inFlight.get(database);
	if (!pending) {
		pending = database.ping().finally(() => inFlight.delete(database));
		inFlight.set(database, pending);
	}
	return pending;
}

/**
 * Whether the database answers a ping within `timeoutMs`; never throws. A question asked while
 * an earlier ping is still out (a hung database, the watch and `/readyz` asking every few
 * seconds) waits on that ping rather than queueing another on the pool.
 */
export async function databaseAnswers(
	database: Pick<DatabaseHandle, 'ping'>,
	timeoutMs = PING_TIMEOUT_MS
): Promise<boolean> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	try {
		await Promise.race([
			ping(database),
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
