import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { id, instant } from './columns.js';
import { households } from './sites.js';
import { staffUsers } from './staff.js';

/**
 * 查阅登记: the household archive is confidential; every read by someone outside customer
 * service is logged with its reason (seeds 000, 001).
 */
export const archiveReads = pgTable(
	'archive_reads',
	{
		id: id(),
		householdId: uuid('household_id')
			.notNull()
			.references(() => households.id),
		readerId: uuid('reader_id')
			.notNull()
			.references(() => staffUsers.id),
		reason: text('reason').notNull(),
		at: instant('at').notNull().defaultNow()
	},
	(t) => [index('archive_reads_household').on(t.householdId, t.at)]
);
