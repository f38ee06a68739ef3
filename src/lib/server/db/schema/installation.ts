import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, text } from 'drizzle-orm/pg-core';
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
		/**
		 * The key of the visitor ID hash (HMAC-SHA-256): 244 random bits made by the database
		 * itself when the row is written, so every installation has its own and none is in code.
		 */
		secret: text('secret')
			.notNull()
			.default(sql`replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')`),
		createdAt: createdAt()
	},
	(t) => [check('installation_single_row', sql`${t.id} = 1`)]
);
