import { error, redirect } from '@sveltejs/kit';
import { emergencyReceipt } from '#lib/server/emergency.js';
import { loadSnapshot } from '#lib/server/realtime/projections.js';
import { app } from '#lib/server/runtime.js';
import type { PageServerLoad } from './$types';

/**
 * The caller's receipt: help is coming, the number, where staff are going, and — live, from the
 * public stream — when someone has taken it. Only the kiosk that called shows it.
 */
export const load: PageServerLoad = async ({ locals, params }) => {
	if (locals.device?.kind !== 'kiosk') redirect(303, '/kiosk');
	const { db } = app();
	const ticket = await emergencyReceipt(db, {
		siteId: locals.device.siteId,
		deviceId: locals.device.id,
		serial: params.serial
	});
	if (!ticket) error(404, 'Not found');
	return { ticket, board: await loadSnapshot(db, locals.device.siteId, 'public') };
};
