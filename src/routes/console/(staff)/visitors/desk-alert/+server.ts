import { json } from '@sveltejs/kit';
import { requirePermission } from '#lib/server/auth/guard.js';
import { app } from '#lib/server/runtime.js';
import { deskAlert } from '#lib/server/visitors/desk-views.js';
import type { RequestHandler } from './$types';

/**
 * The console's desk alert and the nav's badge, read again when the live stream says a visit
 * changed: two counts, nothing about anyone (the stream itself carries only visit ids).
 */
export const GET: RequestHandler = async ({ locals, url }) => {
	const { db } = app();
	const { site } = await requirePermission(db, locals, url, 'visitors.desk');
	return json(await deskAlert(db, site.id), { headers: { 'cache-control': 'no-store' } });
};
