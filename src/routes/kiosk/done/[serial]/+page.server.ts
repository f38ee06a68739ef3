import { error, redirect } from '@sveltejs/kit';
import { kioskReceipt } from '#lib/server/kiosk-receipt.js';
import { OWNER_LINK_DAYS } from '#lib/server/owner-links.js';
import { qrPath } from '#lib/server/qr.js';
import { app } from '#lib/server/runtime.js';
import type { PageServerLoad } from './$types';

/**
 * The receipt: the number, what happens next, and the QR code of the owner's phone link. Only
 * the kiosk that filed the request, and only for 15 minutes: anyone else asking by number gets
 * nothing (a lobby kiosk must not show someone else's request).
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (locals.device?.kind !== 'kiosk') redirect(303, '/kiosk');
	const receipt = await kioskReceipt(app().db, locals.device, params.serial);
	if (!receipt) error(404, 'Not found');
	const { token, ...shown } = receipt;
	// `ORIGIN` (adapter-node) sets the address phones reach; behind a proxy, see PROTOCOL_HEADER.
	const ownerLink = new URL(`/o/${token}`, url.origin).toString();
	return { receipt: shown, ownerLink, qr: qrPath(ownerLink), linkDays: OWNER_LINK_DAYS };
};
