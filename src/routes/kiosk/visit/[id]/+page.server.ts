import { error } from '@sveltejs/kit';
import { qrPath } from '#lib/server/qr.js';
import { loadSnapshot } from '#lib/server/realtime/projections.js';
import { app } from '#lib/server/runtime.js';
import { kioskVisitView } from '#lib/server/visitors/kiosk-visit-view.js';
import { kioskOf } from '../kiosk-device.js';
import type { PageServerLoad } from './$types';

/**
 * The visitor's screen after registering: waiting for the host, "see the desk", declined, or the
 * pass. Only on the kiosk that registered the visit and only that day; anywhere else, nothing.
 * The public stream says when the visit changed (by id only); the page then asks again.
 */
export const load: PageServerLoad = async ({ locals, params }) => {
	const kiosk = kioskOf(locals);
	const { db, config } = app();
	const view = await kioskVisitView(db, {
		siteId: kiosk.siteId,
		kioskId: kiosk.id,
		visitId: params.id,
		consentSeconds: config.visitorConsentSeconds
	});
	if (!view) error(404, 'Not found');
	return {
		view,
		// The pass number alone: a guard's scanner or the sign-out kiosk reads it.
		qr: view.pass ? qrPath(view.pass.number) : null,
		serverNow: Date.now(),
		board: await loadSnapshot(db, kiosk.siteId, 'public')
	};
};
