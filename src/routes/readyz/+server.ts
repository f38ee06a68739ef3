import { json } from '@sveltejs/kit';
import { databaseAnswers } from '#lib/server/db/availability.js';
import { app } from '#lib/server/runtime.js';
import type { RequestHandler } from './$types';

/** Ready when the database answers within two seconds; 503 otherwise, for a load balancer. */
export const GET: RequestHandler = async () => {
	const { database } = app();
	const headers = { 'cache-control': 'no-store' };
	if (await databaseAnswers(database)) {
		return json({ status: 'ready', database: database.kind }, { headers });
	}
	return json({ status: 'unavailable', database: database.kind }, { status: 503, headers });
};
