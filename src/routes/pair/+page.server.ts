import { error, fail, redirect } from '@sveltejs/kit';
import {
	isPairingCodeShaped,
	normalizePairingCode,
	pairDemoDevice,
	registerDevice,
	type DeviceIdentity
} from '#lib/server/devices.js';
import { setDeviceCookie } from '#lib/server/auth/cookies.js';
import { ADDRESS_RULE } from '#lib/domain/throttle.js';
import { claimAttempt, forgiveAttempt } from '#lib/server/auth/throttle-store.js';
import { app } from '#lib/server/runtime.js';
import { defaultSite } from '#lib/server/sites.js';
import type { Actions, PageServerLoad } from './$types';

const faceOf = (device: DeviceIdentity) => (device.kind === 'kiosk' ? '/kiosk' : '/display');

export const load: PageServerLoad = ({ locals }) => ({
	paired: locals.device && { name: locals.device.name, kind: locals.device.kind }
});

export const actions: Actions = {
	/** Typing the code an administrator made turns this browser into that kiosk or display. */
	pair: async ({ request, cookies, url, getClientAddress }) => {
		const form = await request.formData();
		const raw = String(form.get('code') ?? '').slice(0, 40);
		const code = normalizePairingCode(raw);
		const values = { code: raw };
		if (!code) return fail(400, { values, error: 'pairCodeRequired' as const });
		if (!isPairingCodeShaped(code)) return fail(400, { values, error: 'pairCodeFormat' as const });

		const { db } = app();
		// Guessing codes from one address is throttled like guessing passwords.
		const address = { key: `pair-ip:${getClientAddress()}`, rule: ADDRESS_RULE };
		const claim = await claimAttempt(db, [address], new Date());
		if (claim.refusedUntil) return fail(429, { values, error: 'pairTooManyTries' as const });
		const paired = await pairDemoDevice(db, code);
		if (!paired) return fail(400, { values, error: 'pairCodeInvalid' as const });
		await forgiveAttempt(db, [address]);
		setDeviceCookie(cookies, url, paired.token);
		redirect(303, faceOf(paired.device));
	},

	/** Demo mode only: make this browser the demo kiosk or display in one tap, no code. */
	demo: async ({ request, cookies, url }) => {
		const { db, demo } = app();
		if (!demo) error(404, 'Not found');
		const kind = (await request.formData()).get('kind') === 'display' ? 'display' : 'kiosk';
		const site = await defaultSite(db);
		if (!site) error(404, 'Not found');
		const { code } = await registerDevice(db, {
			siteId: site.id,
			kind,
			audience: 'lobby',
			name: kind === 'kiosk' ? '演示终端 Demo kiosk' : '演示显示屏 Demo display',
			actor: { kind: 'system' }
		});
		const paired = await pairDemoDevice(db, code);
		if (!paired) error(500, 'Demo pairing failed');
		setDeviceCookie(cookies, url, paired.token);
		redirect(303, faceOf(paired.device));
	}
};
