import { and, asc, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { DeviceKind, DisplayAudience } from '../domain/vocabulary.js';
import type { Queryable } from './db/client.js';
import { devices } from './db/schema/index.js';
import { generateToken, hashToken, randomString } from './auth/tokens.js';
import { appendEvent, type Actor } from './event-log.js';
import { notifyControl } from './realtime/channels.js';

export type Device = typeof devices.$inferSelect;

/** What a request or socket knows about the device it comes from. */
export interface DeviceIdentity {
	id: string;
	siteId: string;
	kind: DeviceKind;
	audience: DisplayAudience;
	name: string;
}

export const DEVICE_COOKIE = 'lobbydesk_device';
export const PAIRING_CODE_LENGTH = 8;
const PAIRING_TTL_MS = 10 * 60 * 1000;
/** No I, L, O, 0 or 1: a code read off one screen and typed on another. */
const PAIRING_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** Coarse, so a page view or a heartbeat is not always a write. */
const LAST_SEEN_RESOLUTION_MS = 30_000;
/** A device seen within this long is shown as online. */
export const ONLINE_WITHIN_MS = 90_000;

/** Upper case, without the spaces and dashes people type between groups. */
export function normalizePairingCode(input: string): string {
	return input.replace(/[\s-]/g, '').toUpperCase();
}

export function isPairingCodeShaped(code: string): boolean {
	return (
		code.length === PAIRING_CODE_LENGTH && [...code].every((c) => PAIRING_ALPHABET.includes(c))
	);
}

async function issueCode(tx: Queryable, deviceId: string, now: Date): Promise<string> {
	const code = randomString(PAIRING_ALPHABET, PAIRING_CODE_LENGTH);
	await tx
		.update(devices)
		.set({
			pairingCodeHash: hashToken(code),
			pairingExpiresAt: new Date(now.getTime() + PAIRING_TTL_MS)
		})
		.where(eq(devices.id, deviceId));
	return code;
}

/** Registers a kiosk or display for a site; returns it with a one-time code valid 10 minutes. */
export async function registerDevice(
	db: Queryable,
	input: {
		siteId: string;
		kind: DeviceKind;
		audience: DisplayAudience;
		name: string;
		actor: Actor;
	},
	now = new Date()
): Promise<{ device: Device; code: string }> {
	return db.transaction(async (tx) => {
		const [device] = await tx
			.insert(devices)
			.values({
				siteId: input.siteId,
				kind: input.kind,
				audience: input.kind === 'display' ? input.audience : 'lobby',
				name: input.name,
				createdBy: input.actor.staffId ?? null
			})
			.returning();
		if (!device) throw new Error('Device insert returned no row');
		const code = await issueCode(tx, device.id, now);
		await appendEvent(tx, {
			siteId: input.siteId,
			type: 'device.registered',
			actor: input.actor,
			data: { deviceId: device.id, kind: device.kind, name: device.name },
			at: now
		});
		return { device, code };
	});
}

/** A fresh code for a device not yet paired (or to move it to another browser). */
export async function renewPairingCode(
	db: Queryable,
	input: { siteId: string; deviceId: string },
	now = new Date()
): Promise<string | null> {
	return db.transaction(async (tx) => {
		const [device] = await tx
			.select({ id: devices.id })
			.from(devices)
			.where(
				and(
					eq(devices.id, input.deviceId),
					eq(devices.siteId, input.siteId),
					isNull(devices.revokedAt)
				)
			);
		return device ? issueCode(tx, device.id, now) : null;
	});
}

/**
 * Exchanges a valid code for the device's long-lived token (only its hash is kept). The code
 * works once; an earlier token of the same device stops working.
 */
export async function pairDemoDevice(
	db: Queryable,
	rawCode: string,
	now = new Date()
): Promise<{ device: DeviceIdentity; token: string } | null> {
	const code = normalizePairingCode(rawCode);
	if (!isPairingCodeShaped(code)) return null;
	return db.transaction(async (tx) => {
		const [device] = await tx
			.select()
			.from(devices)
			.where(
				and(
					eq(devices.pairingCodeHash, hashToken(code)),
					gt(devices.pairingExpiresAt, now),
					isNull(devices.revokedAt)
				)
			)
			.for('update');
		if (!device) return null;
		const token = generateToken();
		await tx
			.update(devices)
			.set({
				tokenHash: hashToken(token),
				pairingCodeHash: null,
				pairingExpiresAt: null,
				pairedAt: now,
				lastSeenAt: now
			})
			.where(eq(devices.id, device.id));
		await appendEvent(tx, {
			siteId: device.siteId,
			type: 'device.paired',
			actor: { kind: 'device', deviceId: device.id },
			data: { deviceId: device.id, kind: device.kind, name: device.name },
			at: now
		});
		return { device: identityOf(device), token };
	});
}

/** The device holding this token, unless it was revoked; notes that it was seen. */
export async function validateDeviceToken(
	db: Queryable,
	token: string,
	now = new Date()
): Promise<DeviceIdentity | null> {
	const [device] = await db
		.select()
		.from(devices)
		.where(and(eq(devices.tokenHash, hashToken(token)), isNull(devices.revokedAt)));
	if (!device) return null;
	if (
		!device.lastSeenAt ||
		now.getTime() - device.lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS
	) {
		await db.update(devices).set({ lastSeenAt: now }).where(eq(devices.id, device.id));
	}
	return identityOf(device);
}

/** Marks devices with a live socket as seen, so the console can say which are online. */
export async function markDevicesSeen(db: Queryable, deviceIds: string[], now = new Date()) {
	await db.update(devices).set({ lastSeenAt: now }).where(inArray(devices.id, deviceIds));
}

/** Cuts a device off: its token stops working and every process drops its sockets at once. */
export async function revokeDevice(
	db: Queryable,
	input: { siteId: string; deviceId: string; actor: Actor },
	now = new Date()
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const [device] = await tx
			.update(devices)
			.set({ revokedAt: now, pairingCodeHash: null, pairingExpiresAt: null })
			.where(
				and(
					eq(devices.id, input.deviceId),
					eq(devices.siteId, input.siteId),
					isNull(devices.revokedAt)
				)
			)
			.returning();
		if (!device) return false;
		await appendEvent(tx, {
			siteId: device.siteId,
			type: 'device.revoked',
			actor: input.actor,
			data: { deviceId: device.id, kind: device.kind, name: device.name },
			at: now
		});
		await notifyControl(tx, { kind: 'device.revoked', deviceId: device.id });
		return true;
	});
}

export async function listDevices(db: Queryable, siteId: string): Promise<Device[]> {
	return db
		.select()
		.from(devices)
		.where(eq(devices.siteId, siteId))
		.orderBy(asc(devices.createdAt));
}

function identityOf(device: Device): DeviceIdentity {
	return {
		id: device.id,
		siteId: device.siteId,
		kind: device.kind,
		audience: device.audience,
		name: device.name
	};
}
