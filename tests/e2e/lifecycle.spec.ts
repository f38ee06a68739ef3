import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { io } from 'socket.io-client';
import { spawnServer } from './server-process.js';

// These start their own server processes from the production build, each on its own port and
// embedded database, to watch what a person running `npm start` would see.

const freshDir = () => mkdtempSync(join(tmpdir(), 'lobbydesk-life-'));

// Always the embedded database: these watch a single process's own data directory.
const startServer = (env: Record<string, string>) =>
	spawnServer(Number(env.PORT), { HOST: '127.0.0.1', ...env });

test.describe.configure({ mode: 'serial' });

test('start honours HOST and PORT, prints the address and the demo sign-ins, and stops cleanly on SIGTERM', async () => {
	const dataDir = freshDir();
	const server = startServer({ PORT: '4391', HOST: '127.0.0.1', LOBBYDESK_DATA_DIR: dataDir });
	try {
		await expect.poll(server.output, { timeout: 30_000 }).toContain('http://127.0.0.1:4391/');
		expect(server.output()).toMatch(/director\s+lobbydesk/);
		expect(server.output()).toMatch(/guard\s+lobbydesk/);

		const socket = io('http://127.0.0.1:4391', { transports: ['websocket'], reconnection: false });
		await new Promise((resolve) => socket.once('hello', resolve));
		const disconnected = new Promise((resolve) => socket.once('disconnect', resolve));

		server.child.kill('SIGTERM');
		expect(await server.exited).toBe(0);
		await disconnected;
		expect(server.output()).toContain('Lobby Desk stopped.');
	} finally {
		server.child.kill('SIGKILL');
	}

	// The database was closed cleanly: the same directory opens again, already seeded.
	const again = startServer({ PORT: '4391', HOST: '127.0.0.1', LOBBYDESK_DATA_DIR: dataDir });
	try {
		await expect.poll(again.output, { timeout: 30_000 }).toContain('http://127.0.0.1:4391/');
		const ready = await fetch('http://127.0.0.1:4391/readyz');
		expect(ready.status).toBe(200);
	} finally {
		again.child.kill('SIGTERM');
		await again.exited;
	}
});

test('outside demo mode there is no default password: one admin, a random password shown once', async () => {
	const server = startServer({
		PORT: '4392',
		HOST: '127.0.0.1',
		LOBBYDESK_DEMO: 'off',
		LOBBYDESK_DATA_DIR: freshDir()
	});
	try {
		await expect.poll(server.output, { timeout: 30_000 }).toContain('(shown once)');
		expect(server.output()).not.toContain('lobbydesk ');
		const password = /admin {2}(\S{16}) {2}\(shown once\)/.exec(server.output())?.[1];
		expect(password).toBeTruthy();
		// No demo shortcut: a device becomes a kiosk or display only by pairing.
		const home = await (await fetch('http://127.0.0.1:4392/')).text();
		expect(home).not.toContain('/pair?/demo');
		const demo = await fetch('http://127.0.0.1:4392/pair?/demo', {
			method: 'POST',
			headers: {
				origin: 'http://127.0.0.1:4392',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: 'kind=display',
			redirect: 'manual'
		});
		expect(demo.status).toBe(404);
		expect(demo.headers.get('set-cookie') ?? '').not.toContain('lobbydesk_device');
	} finally {
		server.child.kill('SIGTERM');
		await server.exited;
	}
});

test('a bad setting stops the start with a message naming it', async () => {
	const server = startServer({
		PORT: '4393',
		LOBBYDESK_DEMO: 'perhaps',
		LOBBYDESK_DATA_DIR: freshDir()
	});
	expect(await server.exited).toBe(1);
	expect(server.output()).toContain('Lobby Desk could not start: LOBBYDESK_DEMO must be one of');
	expect(server.output()).not.toMatch(/\n\s+at /);
});
