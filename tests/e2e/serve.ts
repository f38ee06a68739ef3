// Starts the production server for the browser tests on a fresh demo database: a new PGlite
// directory, or — when TEST_DATABASE_URL is set — a freshly created Postgres database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { E2E_DATABASE, e2eDatabaseUrl } from './database.ts';
import { smsOutboxPath } from './sms-outbox.ts';

const adminUrl = process.env.TEST_DATABASE_URL;
process.env.LOBBYDESK_DEMO = 'on';
// Small, so a browser test can fall far enough behind to be sent a snapshot.
process.env.LOBBYDESK_STREAM_MAX_REPLAY = '5';
// Clocks turn amber and red within half a second, so a test sees the escalation arrive.
process.env.LOBBYDESK_CLOCK_SWEEP_MS = '500';
// Texts to hosts land in a file the tests read; a host who stays silent hands over in 15 s.
process.env.LOBBYDESK_SMS_OUTBOX = smsOutboxPath(Number(process.env.PORT));
rmSync(process.env.LOBBYDESK_SMS_OUTBOX, { force: true });
process.env.LOBBYDESK_VISITOR_CONSENT_SECONDS = '15';

if (adminUrl) {
	const name = E2E_DATABASE;
	const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`drop database if exists ${name} with (force)`);
	await admin.unsafe(`create database ${name}`);
	await admin.end();
	process.env.DATABASE_URL = e2eDatabaseUrl(adminUrl);
} else {
	delete process.env.DATABASE_URL;
	process.env.LOBBYDESK_DATA_DIR = mkdtempSync(join(tmpdir(), 'lobbydesk-e2e-'));
}

await import('../../server.ts');
