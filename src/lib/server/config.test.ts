import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.js';

describe('configuration', () => {
	it('uses the embedded database in ./data when nothing is set, leaving demo mode to it', () => {
		expect(readConfig({}, '/srv/lobby')).toEqual({
			databaseUrl: undefined,
			dataDir: '/srv/lobby/data',
			migrationsDir: '/srv/lobby/drizzle',
			demo: undefined,
			streamMaxReplay: 500,
			clockSweepMs: 5000
		});
	});

	it('reads LOBBYDESK_DEMO when it is set', () => {
		const url = 'postgres://desk@db.internal/lobby';
		expect(readConfig({ DATABASE_URL: url }).databaseUrl).toBe(url);
		expect(readConfig({ DATABASE_URL: url, LOBBYDESK_DEMO: 'on' }).demo).toBe(true);
		expect(readConfig({ LOBBYDESK_DEMO: 'false' }).demo).toBe(false);
		expect(readConfig({ LOBBYDESK_DEMO: ' ' }).demo).toBeUndefined();
	});

	it('refuses a bad value at start-up with its name', () => {
		expect(() => readConfig({ DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
		expect(() => readConfig({ LOBBYDESK_DEMO: 'maybe' })).toThrow(/LOBBYDESK_DEMO/);
		expect(() => readConfig({ LOBBYDESK_STREAM_MAX_REPLAY: '0' })).toThrow(
			/LOBBYDESK_STREAM_MAX_REPLAY/
		);
		expect(() => readConfig({ LOBBYDESK_CLOCK_SWEEP_MS: 'often' })).toThrow(
			/LOBBYDESK_CLOCK_SWEEP_MS/
		);
	});
});
