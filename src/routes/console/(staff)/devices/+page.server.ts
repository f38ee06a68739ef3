import { fail } from '@sveltejs/kit';
import {
	DEVICE_KINDS,
	DISPLAY_AUDIENCES,
	type DeviceKind,
	type DisplayAudience
} from '#lib/domain/vocabulary.js';
import { requirePermission } from '#lib/server/auth/guard.js';
import {
	listDevices,
	ONLINE_WITHIN_MS,
	registerDevice,
	renewPairingCode,
	revokeDevice
} from '#lib/server/devices.js';
import { app } from '#lib/server/runtime.js';
import { formId } from '#lib/server/http/form-values.js';
import type { Actions, PageServerLoad } from './$types';

const oneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
	typeof value === 'string' && (list as readonly string[]).includes(value);

export const load: PageServerLoad = async ({ locals, url }) => {
	const { db } = app();
	const { site } = await requirePermission(db, locals, url, 'device.manage');
	const now = Date.now();
	const devices = await listDevices(db, site.id);
	return {
		devices: devices.map((d) => ({
			id: d.id,
			name: d.name,
			kind: d.kind,
			audience: d.audience,
			paired: d.pairedAt !== null,
			revoked: d.revokedAt !== null,
			lastSeenAt: d.lastSeenAt,
			online: !d.revokedAt && !!d.lastSeenAt && now - d.lastSeenAt.getTime() < ONLINE_WITHIN_MS,
			codePending: !!d.pairingExpiresAt && d.pairingExpiresAt.getTime() > now
		}))
	};
};

export const actions: Actions = {
	register: async ({ locals, url, request }) => {
		const { db } = app();
		const { site, user } = await requirePermission(db, locals, url, 'device.manage');
		const form = await request.formData();
		const values = {
			name: String(form.get('name') ?? '')
				.trim()
				.slice(0, 60),
			kind: String(form.get('kind') ?? ''),
			audience: String(form.get('audience') ?? 'lobby')
		};
		const errors = {
			name: values.name ? undefined : ('deviceNameRequired' as const),
			kind: oneOf<DeviceKind>(DEVICE_KINDS, values.kind)
				? undefined
				: ('deviceKindRequired' as const)
		};
		if (errors.name || !oneOf<DeviceKind>(DEVICE_KINDS, values.kind)) {
			return fail(400, { register: { values, errors } });
		}
		const audience: DisplayAudience = oneOf(DISPLAY_AUDIENCES, values.audience)
			? values.audience
			: 'lobby';
		const { device, code } = await registerDevice(db, {
			siteId: site.id,
			kind: values.kind,
			audience,
			name: values.name,
			actor: { kind: 'staff', staffId: user.id }
		});
		return { code: { deviceId: device.id, name: device.name, code } };
	},

	renew: async ({ locals, url, request }) => {
		const { db } = app();
		const { site } = await requirePermission(db, locals, url, 'device.manage');
		const deviceId = formId(await request.formData(), 'device');
		const code = deviceId && (await renewPairingCode(db, { siteId: site.id, deviceId }));
		if (!code) return fail(404, { missing: deviceId });
		return { code: { deviceId, name: null, code } };
	},

	revoke: async ({ locals, url, request }) => {
		const { db } = app();
		const { site, user } = await requirePermission(db, locals, url, 'device.manage');
		const deviceId = formId(await request.formData(), 'device');
		if (!deviceId) return fail(404, { missing: null });
		await revokeDevice(db, {
			siteId: site.id,
			deviceId,
			actor: { kind: 'staff', staffId: user.id }
		});
		return { revoked: deviceId };
	}
};
