import { timestamp, uuid } from 'drizzle-orm/pg-core';

/** Every instant is stored with its zone; pages show it on the site's clock. */
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const id = () => uuid('id').primaryKey().defaultRandom();

export const createdAt = () => instant('created_at').notNull().defaultNow();
