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
			clockSweepMs: 5000,
			sms: { kind: 'none' },
			visitorConsentSeconds: undefined
		});
	});

	it('sends texts to a webhook when one is set, else to an outbox file when one is set', () => {
		expect(readConfig({ LOBBYDESK_SMS_WEBHOOK: 'https://sms.example/send' }).sms).toEqual({
			kind: 'webhook',
			url: 'https://sms.example/send'
		});
		expect(readConfig({ LOBBYDESK_SMS_OUTBOX: 'sms.jsonl' }, '/srv/lobby').sms).toEqual({
			kind: 'file',
			path: '/srv/lobby/sms.jsonl'
		});
		expect(() => readConfig({ LOBBYDESK_SMS_WEBHOOK: 'ftp://x' })).toThrow(/LOBBYDESK_SMS_WEBHOOK/);
	});

	it('lets a test or a drill shorten every host’s time to answer', () => {
		expect(readConfig({ LOBBYDESK_VISITOR_CONSENT_SECONDS: '15' }).visitorConsentSeconds).toBe(15);
		expect(() => readConfig({ LOBBYDESK_VISITOR_CONSENT_SECONDS: '0' })).toThrow(
			/LOBBYDESK_VISITOR_CONSENT_SECONDS/
		);
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
		expect(() => readConfig({ LOBBYDESK_ID_HASH_KEY: 'short' })).toThrow(/LOBBYDESK_ID_HASH_KEY/);
		expect(() => readConfig({ LOBBYDESK_CLOCK_SWEEP_MS: 'often' })).toThrow(
			/LOBBYDESK_CLOCK_SWEEP_MS/
		);
	});
});
