// `npm run screenshots`: photographs each face of the demo for the README, in Chinese.
// Needs a build (`npm run build`) and Debian's Chromium; starts its own server on a fresh demo.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

const PORT = 4390;
const BASE = `http://127.0.0.1:${PORT}`;
const OUT = 'static/screenshots';

const server = spawn(process.execPath, ['server.ts'], {
	env: {
		...process.env,
		PORT: String(PORT),
		HOST: '127.0.0.1',
		DATABASE_URL: '',
		LOBBYDESK_DEMO: 'on',
		LOBBYDESK_DATA_DIR: mkdtempSync(join(tmpdir(), 'lobbydesk-shots-'))
	},
	stdio: 'ignore'
});

async function ready(): Promise<void> {
	for (let i = 0; i < 60; i++) {
		try {
			if ((await fetch(`${BASE}/readyz`)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	throw new Error('server did not start');
}

try {
	await ready();
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking']
	});
	const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
	const shots: [string, string][] = [
		['home', '/'],
		['kiosk', '/kiosk'],
		['display', '/display']
	];
	for (const [name, path] of shots) {
		await page.goto(BASE + path);
		await page.screenshot({ path: join(OUT, `${name}.png`) });
	}
	await page.goto(`${BASE}/console/sign-in`);
	await page.getByLabel('用户名').fill('assistant');
	await page.getByLabel('密码').fill('lobbydesk');
	await page.getByRole('button', { name: '登录' }).click();
	await page.waitForURL(`${BASE}/console`);
	await page.screenshot({ path: join(OUT, 'console.png') });
	await browser.close();
	console.log(`Screenshots written to ${OUT}/`);
} finally {
	server.kill('SIGTERM');
}
