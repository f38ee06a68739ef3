/**
 * A site's clock rules as the engine needs them: its newest service policy (the seed one is
 * written on first use) and its working calendar.
 */
import { desc, eq, sql } from 'drizzle-orm';
import { seedPolicy, type ServicePolicy } from '../../domain/clocks/policy.js';
import type { WorkCalendar } from '../../domain/clocks/work-calendar.js';
import { CN_CALENDAR_DAYS } from '../../domain/clocks/cn-holidays.js';
import { resolveSiteSettings } from '../../domain/site-settings.js';
import type { Queryable } from '../db/client.js';
import { eventStreams, servicePolicies, siteCalendarDays, sites } from '../db/schema/index.js';

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
 * Records that the site's clock rules changed, in the changing transaction (which holds the
 * site's stream row: `lockSiteStream`). A filing that planned its clocks with the rules before
 * this change then finds the stamp changed and plans again (`fileTicket`).
 */
export async function markRulesChanged(tx: Queryable, siteId: string): Promise<void> {
	await tx
		.update(eventStreams)
		.set({ rulesStamp: sql`gen_random_uuid()` })
		.where(eq(eventStreams.siteId, siteId));
}

/** The latest committed rules of each site, by the stamp they were read under. */
const committedRules = new Map<string, { stamp: string | null; rules: SiteClockRules }>();

/**
 * The site's rules as of `stamp`, read after the stamp was (so they are at least that new): from
 * memory when this process read them under the same stamp before. A stamp is random, never
 * reused, so rules cached under it are those of that very change. Outside a transaction only:
 * inside one, the rules may be the transaction's own, not yet committed.
 */
export async function clockRulesAt(
	db: Queryable,
	siteId: string,
	stamp: string | null,
	inTransaction: boolean
): Promise<SiteClockRules> {
	const known = committedRules.get(siteId);
	if (!inTransaction && known && known.stamp === stamp) return known.rules;
	const rules = await loadClockRules(db, siteId);
	if (!inTransaction) committedRules.set(siteId, { stamp, rules });
	return rules;
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
