import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';

/**
 * One row, written by the first start: whether this database is the demo. Demo mode is a
 * property of the data (demo accounts share a published password), not of how a process happens
 * to be started.
 */
export const installation = pgTable(
	'installation',
	{
		id: integer('id').primaryKey().default(1),
		demo: boolean('demo').notNull(),
		createdAt: createdAt()
	},
	(t) => [check('installation_single_row', sql`${t.id} = 1`)]
);
