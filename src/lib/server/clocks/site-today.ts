import { eq, sql } from 'drizzle-orm';
import type { SiteToday } from '../../domain/site-today.js';
import { fromSiteLocal, localParts } from '../../domain/site-time.js';
import { queryRows, type Queryable } from '../db/client.js';
import { sites } from '../db/schema/index.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** Midnight that began the site's day containing `now`. */
function startOfSiteDay(now: Date, timeZone: string): Date {
	const { year, month, day } = localParts(now, timeZone);
	return fromSiteLocal(`${year}-${pad(month)}-${pad(day)}T00:00`, timeZone) ?? now;
}

/** The site's figures for today, read in one query. */
export async function siteToday(
	db: Queryable,
	siteId: string,
	now: Date = new Date()
): Promise<SiteToday> {
	const [site] = await db
		.select({ timeZone: sites.timeZone })
		.from(sites)
		.where(eq(sites.id, siteId));
	const since = startOfSiteDay(now, site?.timeZone ?? 'Asia/Shanghai').toISOString();
	const [row] = await queryRows<Record<keyof SiteToday, number>>(
		db,
		sql`select
			(select count(*)::int from tickets
				where site_id = ${siteId} and created_at >= ${since}::timestamptz) as filed,
			(select count(*)::int from tickets
				where site_id = ${siteId} and resolved_at >= ${since}::timestamptz) as resolved,
			(select count(*)::int from ticket_clocks
				where site_id = ${siteId} and stopped_at >= ${since}::timestamptz
				and (deadline_at is null or deadline_at >= stopped_at)) as met,
			(select count(*)::int from ticket_clocks
				where site_id = ${siteId} and (stopped_at >= ${since}::timestamptz
				or (stopped_at is null and deadline_at >= ${since}::timestamptz
					and deadline_at <= ${now.toISOString()}::timestamptz))) as judged,
			(select coalesce(sum(party), 0)::int from visits
				where site_id = ${siteId} and status in ('waiting_host', 'at_desk')) as "visitorsWaiting",
			(select coalesce(sum(party), 0)::int from visits
				where site_id = ${siteId} and status = 'approved') as "visitorsOnSite"`
	);
	return {
		filed: Number(row?.filed ?? 0),
		resolved: Number(row?.resolved ?? 0),
		met: Number(row?.met ?? 0),
		judged: Number(row?.judged ?? 0),
		visitorsWaiting: Number(row?.visitorsWaiting ?? 0),
		visitorsOnSite: Number(row?.visitorsOnSite ?? 0)
	};
}
