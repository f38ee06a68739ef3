import { asc, eq } from 'drizzle-orm';
import type { StaffRole } from '../domain/vocabulary.js';
import type { Queryable } from './db/client.js';
import { sites, staffRoles } from './db/schema/index.js';

export type Site = typeof sites.$inferSelect;

/**
 * The site an unpaired screen shows until devices are paired to their own site: the first one
 * created (the only one on most installations).
 */
export async function defaultSite(db: Queryable): Promise<Site | null> {
	const [site] = await db.select().from(sites).orderBy(asc(sites.createdAt)).limit(1);
	return site ?? null;
}

export interface StaffSite {
	site: Site;
	role: StaffRole;
}

/** The sites where this person has a role, oldest first. */
export async function sitesOfStaff(db: Queryable, userId: string): Promise<StaffSite[]> {
	const rows = await db
		.select({ site: sites, role: staffRoles.role })
		.from(staffRoles)
		.innerJoin(sites, eq(sites.id, staffRoles.siteId))
		.where(eq(staffRoles.userId, userId))
		.orderBy(asc(sites.createdAt));
	return rows;
}
