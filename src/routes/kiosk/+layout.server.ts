import { eq } from 'drizzle-orm';
import { resolveSiteSettings } from '#lib/domain/site-settings.js';
import { sites } from '#lib/server/db/schema/index.js';
import { app } from '#lib/server/runtime.js';
import type { LayoutServerLoad } from './$types';

/** How long the kiosk waits for a touch before it goes home and forgets; the site decides. */
export const load: LayoutServerLoad = async ({ locals }) => {
	if (locals.device?.kind !== 'kiosk') return { idleSeconds: null };
	const [site] = await app()
		.db.select({ settings: sites.settings })
		.from(sites)
		.where(eq(sites.id, locals.device.siteId));
	return { idleSeconds: resolveSiteSettings(site?.settings).kioskIdleSeconds };
};
