import { json } from '@sveltejs/kit';
import { app } from '#lib/server/runtime.js';
import type { RequestHandler } from './$types';

const PING_TIMEOUT_MS = 2_000;

/** Ready when the database answers within two seconds; 503 otherwise, for a load balancer. */
export const GET: RequestHandler = async () => {
	const { database } = app();
	const headers = { 'cache-control': 'no-store' };
	let timer: ReturnType<typeof setTimeout> | undefined;
	try {
		await Promise.race([
			database.ping(),
			new Promise((_, reject) => {
				timer = setTimeout(() => reject(new Error('timeout')), PING_TIMEOUT_MS);
			})
		]);
		return json({ status: 'ready', database: database.kind }, { headers });
	} catch {
		return json({ status: 'unavailable', database: database.kind }, { status: 503, headers });
	} finally {
		clearTimeout(timer);
	}
};
