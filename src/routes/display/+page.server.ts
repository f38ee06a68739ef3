import { app } from '#lib/server/runtime.js';
import { loadSnapshot } from '#lib/server/realtime/projections.js';
import { sites } from '#lib/server/db/schema/index.js';
import { eq } from 'drizzle-orm';
import type { PageServerLoad } from './$types';

/**
 * Only a paired display sees the board, and only its own site's. The lobby gets the redacted
 * payload; a staff-room display adds rooms. Nothing else about the site reaches the browser.
 */
export const load: PageServerLoad = async ({ locals }) => {
	const device = locals.device;
	if (device?.kind !== 'display') {
		return { board: null, pairedAs: device?.kind ?? null };
	}
	const { db } = app();
	const [site] = await db
		.select({ name: sites.name, nameEn: sites.nameEn, timeZone: sites.timeZone })
		.from(sites)
		.where(eq(sites.id, device.siteId));
	const audience: 'staff_room' | 'public' =
		device.audience === 'staff_room' ? 'staff_room' : 'public';
	return {
		pairedAs: device.kind,
		board: {
			site: site ?? null,
			audience,
			snapshot: await loadSnapshot(db, device.siteId, audience),
			serverTime: Date.now()
		}
	};
};
