import { error, redirect } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import { resolveSiteSettings } from '#lib/domain/site-settings.js';
import { sites, tickets } from '#lib/server/db/schema/index.js';
import { app } from '#lib/server/runtime.js';
import type { PageServerLoad } from './$types';

/** The receipt: the number, what it is and what happens next; nothing personal. */
export const load: PageServerLoad = async ({ locals, params }) => {
	if (locals.device?.kind !== 'kiosk') redirect(303, '/kiosk');
	const [ticket] = await app()
		.db.select({
			serial: tickets.serial,
			type: tickets.type,
			category: tickets.category,
			createdAt: tickets.createdAt
		})
		.from(tickets)
		.where(and(eq(tickets.siteId, locals.device.siteId), eq(tickets.serial, params.serial)));
	if (!ticket) error(404, 'Not found');
	const [site] = await app()
		.db.select({ timeZone: sites.timeZone, settings: sites.settings })
		.from(sites)
		.where(eq(sites.id, locals.device.siteId));
	return {
		ticket,
		timeZone: site?.timeZone ?? 'Asia/Shanghai',
		settings: resolveSiteSettings(site?.settings)
	};
};
