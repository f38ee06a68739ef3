import { error, redirect } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { kioskReceipt } from '#lib/server/release-pass-views.js';
import { app } from '#lib/server/runtime.js';
import type { PageServerLoad } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The pass's receipt: its code, day, items and state, and a QR code that opens the guard's
 * check. Only on the kiosk that filed it and only for a few minutes: after that, or anywhere
 * else, there is nothing here, whatever the address.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (locals.device?.kind !== 'kiosk') redirect(303, '/kiosk');
	const receipt = UUID.test(params.id)
		? await kioskReceipt(app().db, {
				siteId: locals.device.siteId,
				deviceId: locals.device.id,
				passId: params.id
			})
		: null;
	if (!receipt) error(404, 'Not found');
	const checkUrl = new URL('/console/passes/check', url.origin);
	checkUrl.searchParams.set('code', receipt.code);
	const svg = await QRCode.toString(checkUrl.toString(), {
		type: 'svg',
		margin: 1,
		errorCorrectionLevel: 'M'
	});
	return {
		receipt,
		checkUrl: checkUrl.toString(),
		qr: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
	};
};
