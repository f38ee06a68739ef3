import { and, eq, sum } from 'drizzle-orm';
import { localParts } from '../domain/site-time.js';
import type { Queryable } from './db/client.js';
import { feeWaivers } from './db/schema/index.js';

/** `YYYY-MM` of the site's calendar: the month a waiver counts against. */
export function siteMonth(now: Date, timeZone: string): string {
	const { year, month } = localParts(now, timeZone);
	return `${year}-${String(month).padStart(2, '0')}`;
}

/** What a director has waived this month, across every ticket. */
export async function waivedThisMonth(
	db: Queryable,
	staffId: string,
	month: string
): Promise<number> {
	const [used] = await db
		.select({ fen: sum(feeWaivers.amountFen).mapWith(Number) })
		.from(feeWaivers)
		.where(and(eq(feeWaivers.approvedBy, staffId), eq(feeWaivers.month, month)));
	return used?.fen ?? 0;
}
