import { PGlite } from '@electric-sql/pglite';
import { createServer } from 'node:net';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnreachable } from './errors.js';

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
	return new Promise((resolve) => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
		});
	});
}

async function errorOf(work: () => Promise<unknown>): Promise<unknown> {
	try {
		await work();
	} catch (error) {
		return error;
	}
	throw new Error('expected a failure');
}

describe('isDatabaseUnreachable', () => {
	it('is true for a Postgres that does not answer', async () => {
		const sql = postgres(`postgres://postgres@127.0.0.1:${await closedPort()}/test`, {
			max: 1,
			connect_timeout: 2
		});
		const error = await errorOf(() => sql`select 1`);
		await sql.end({ timeout: 0 });
		expect(isDatabaseUnreachable(error)).toBe(true);
	});

	it('is false for a query the database refused', async () => {
		const db = new PGlite();
		const wrong = await errorOf(() => db.query('select * from nowhere'));
		await db.exec('create table t (id int primary key)');
		await db.exec('insert into t values (1)');
		const duplicate = await errorOf(() => db.exec('insert into t values (1)'));
		await db.close();
		expect(isDatabaseUnreachable(wrong)).toBe(false);
		expect(isDatabaseUnreachable(duplicate)).toBe(false);
		expect(isDatabaseUnreachable(new Error('plain'))).toBe(false);
		expect(isDatabaseUnreachable(null)).toBe(false);
	});
});
