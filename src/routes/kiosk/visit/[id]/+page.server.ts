import { error } from '@sveltejs/kit';
import { passScanText } from '#lib/domain/visitors/visitor-pass.js';
import { qrPath } from '#lib/server/qr.js';
import { loadSnapshot } from '#lib/server/realtime/projections.js';
import { app } from '#lib/server/runtime.js';
import { kioskVisitView } from '#lib/server/visitors/kiosk-visit-view.js';
import { kioskOf } from '../kiosk-device.js';
import { isShownVisit } from '../shown-visit.js';
import type { PageServerLoad } from './$types';

/**
 * The visitor's screen after registering: waiting for the host, "see the desk", declined, or the
 * pass. Only on the kiosk that registered the visit, that day, until the kiosk went home
 * (`shown-visit.ts`); anywhere else, nothing.
 * The public stream says when the visit changed (by id only); the page then asks again.
 */
export const load: PageServerLoad = async ({ cookies, locals, params, setHeaders }) => {
	const kiosk = kioskOf(locals);
	if (!isShownVisit(cookies, params.id)) error(404, 'Not found');
	// Nor from the browser's cache: the back button asks the server, which says no.
	setHeaders({ 'cache-control': 'no-store' });
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
		// The pass number and its check code: the sign-out kiosk needs both, a guard's scanner the number.
		qr: view.pass ? qrPath(passScanText(view.pass.number, view.pass.check)) : null,
		serverNow: Date.now(),
		board: await loadSnapshot(db, kiosk.siteId, 'public')
	};
};
