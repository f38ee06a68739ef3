/**
 * A site's clock rules as the engine needs them: its newest service policy (the seed one is
 * written on first use) and its working calendar.
 */
import { desc, eq } from 'drizzle-orm';
import { seedPolicy, type ServicePolicy } from '../../domain/clocks/policy.js';
import type { WorkCalendar } from '../../domain/clocks/work-calendar.js';
import { CN_CALENDAR_DAYS } from '../../domain/clocks/cn-holidays.js';
import { resolveSiteSettings } from '../../domain/site-settings.js';
import type { Queryable } from '../db/client.js';
import { servicePolicies, siteCalendarDays, sites } from '../db/schema/index.js';

export interface SiteClockRules {
	policy: ServicePolicy;
	calendar: WorkCalendar;
}

async function newestPolicy(db: Queryable, siteId: string): Promise<ServicePolicy | null> {
	const [row] = await db
		.select({
			version: servicePolicies.version,
			atRisk: servicePolicies.atRisk,
			clocks: servicePolicies.clocks
		})
		.from(servicePolicies)
		.where(eq(servicePolicies.siteId, siteId))
		.orderBy(desc(servicePolicies.version))
		.limit(1);
	return row ?? null;
}

/** Its three reads go out together (see `refreshTicketClocks`: a site's changes wait on them). */
export async function loadClockRules(db: Queryable, siteId: string): Promise<SiteClockRules> {
	const [[site], newest, days] = await Promise.all([
		db
			.select({ timeZone: sites.timeZone, hours: sites.workingHours, settings: sites.settings })
			.from(sites)
			.where(eq(sites.id, siteId)),
		newestPolicy(db, siteId),
		db
			.select({ day: siteCalendarDays.day, kind: siteCalendarDays.kind })
			.from(siteCalendarDays)
			.where(eq(siteCalendarDays.siteId, siteId))
	]);
	if (!site) throw new Error(`No site ${siteId}`);
	let policy = newest;
	if (!policy) {
		// The first ticket of a site writes its seed policy; a concurrent first one finds it written.
		const seed = seedPolicy(resolveSiteSettings(site.settings));
		await db
			.insert(servicePolicies)
			.values({ siteId, version: seed.version, atRisk: seed.atRisk, clocks: [...seed.clocks] })
			.onConflictDoNothing();
		policy = (await newestPolicy(db, siteId)) ?? seed;
	}
	return {
		policy,
		calendar: {
			timeZone: site.timeZone,
			hours: site.hours,
			days: new Map(days.map((d) => [d.day, d.kind]))
		}
	};
}

/**
 * A new site starts with the seed service policy (version 1) and mainland China's published
 * holidays and make-up working days.
 */
export async function seedSiteClocks(db: Queryable, siteId: string): Promise<void> {
	await db
		.insert(siteCalendarDays)
		.values(CN_CALENDAR_DAYS.map(([day, kind, name]) => ({ siteId, day, kind, name })))
		.onConflictDoNothing();
	await loadClockRules(db, siteId);
}
