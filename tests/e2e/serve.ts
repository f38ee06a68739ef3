// Starts the production server for the browser tests on a fresh demo database: a new PGlite
// directory, or — when TEST_DATABASE_URL is set — a freshly created Postgres database.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';

const adminUrl = process.env.TEST_DATABASE_URL;
process.env.LOBBYDESK_DEMO = 'on';

if (adminUrl) {
	const name = 'lobbydesk_e2e';
	const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`drop database if exists ${name} with (force)`);
	await admin.unsafe(`create database ${name}`);
	await admin.end();
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	process.env.DATABASE_URL = url.toString();
} else {
	delete process.env.DATABASE_URL;
	process.env.LOBBYDESK_DATA_DIR = mkdtempSync(join(tmpdir(), 'lobbydesk-e2e-'));
}

await import('../../server.ts');
