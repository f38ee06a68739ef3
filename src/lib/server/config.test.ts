import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.js';

describe('configuration', () => {
	it('runs the demo on the embedded database in ./data when nothing is set', () => {
		expect(readConfig({}, '/srv/lobby')).toEqual({
			databaseUrl: undefined,
			dataDir: '/srv/lobby/data',
			migrationsDir: '/srv/lobby/drizzle',
			demo: true
		});
	});

	it('is not a demo once a real database is configured, unless asked', () => {
		const url = 'postgres://desk@db.internal/lobby';
		expect(readConfig({ DATABASE_URL: url }).demo).toBe(false);
		expect(readConfig({ DATABASE_URL: url, LOBBYDESK_DEMO: 'on' }).demo).toBe(true);
		expect(readConfig({ LOBBYDESK_DEMO: 'false' }).demo).toBe(false);
	});

	it('refuses a bad value at start-up with its name', () => {
		expect(() => readConfig({ DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
		expect(() => readConfig({ LOBBYDESK_DEMO: 'maybe' })).toThrow(/LOBBYDESK_DEMO/);
	});
});
