import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import type { CareFlag, StaffRole } from '../domain/vocabulary.js';
import type { Queryable } from './db/client.js';
import {
	buildings,
	households,
	residents,
	staffRoles,
	staffUsers,
	units
} from './db/schema/index.js';

export interface CareHousehold {
	buildingCode: string;
	entrance: string;
	room: string;
	residentName: string;
	careFlags: CareFlag[];
}

export interface SiteOverview {
	buildings: { code: string; name: string; nameEn: string; units: number }[];
	unitCount: number;
	residentCount: number;
	/** Null for roles that may not read the household archive. */
	careHouseholds: CareHousehold[] | null;
	staff: { username: string; displayName: string; role: StaffRole }[];
}

/**
 * What the console's front page shows a staff member about their site. The household archive
 * (who needs special care, by name) only when `withArchive`: customer service alone reads it.
 */
export async function siteOverview(
	db: Queryable,
	siteId: string,
	{ withArchive }: { withArchive: boolean }
): Promise<SiteOverview> {
	const currentResidents = and(
		isNull(residents.leftAt),
		isNull(households.movedOutOn),
		eq(households.siteId, siteId)
	);
	const [buildingRows, residentRows, careRows, staffRows] = await Promise.all([
		db
			.select({
				code: buildings.code,
				name: buildings.name,
				nameEn: buildings.nameEn,
				units: count(units.id)
			})
			.from(buildings)
			.leftJoin(units, eq(units.buildingId, buildings.id))
			.where(eq(buildings.siteId, siteId))
			.groupBy(buildings.id)
			.orderBy(asc(buildings.sortOrder)),
		db
			.select({ n: count() })
			.from(residents)
			.innerJoin(households, eq(households.id, residents.householdId))
			.where(currentResidents),
		withArchive
			? db
					.select({
						buildingCode: buildings.code,
						entrance: units.entrance,
						room: units.room,
						residentName: residents.name,
						careFlags: residents.careFlags
					})
					.from(residents)
					.innerJoin(households, eq(households.id, residents.householdId))
					.innerJoin(units, eq(units.id, households.unitId))
					.innerJoin(buildings, eq(buildings.id, units.buildingId))
					.where(and(currentResidents, sql`cardinality(${residents.careFlags}) > 0`))
					.orderBy(asc(buildings.sortOrder), asc(units.entrance), asc(units.room))
			: Promise.resolve(null),
		db
			.select({
				username: staffUsers.username,
				displayName: staffUsers.displayName,
				role: staffRoles.role
			})
			.from(staffRoles)
			.innerJoin(staffUsers, eq(staffUsers.id, staffRoles.userId))
			.where(and(eq(staffRoles.siteId, siteId), isNull(staffUsers.disabledAt)))
			.orderBy(asc(staffRoles.role), asc(staffUsers.username))
	]);
	return {
		buildings: buildingRows,
		unitCount: buildingRows.reduce((sum, b) => sum + b.units, 0),
		residentCount: residentRows[0]?.n ?? 0,
		careHouseholds: careRows,
		staff: staffRows
	};
}
