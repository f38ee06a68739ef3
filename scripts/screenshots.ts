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
	const viewport = { width: 1280, height: 800 };
	const page = await browser.newPage({ viewport });
	await page.goto(BASE);
	await page.screenshot({ path: join(OUT, 'home.png') });

	// The kiosk and the display, each in a browser of its own paired with the demo buttons.
	for (const [name, button] of [
		['kiosk', '演示：把本机用作自助终端'],
		['display', '演示：把本机用作大厅显示屏']
	] as const) {
		const device = await browser.newPage({ viewport });
		await device.goto(BASE);
		await device.getByRole('button', { name: button }).click();
		await device.waitForURL(`${BASE}/${name}`);
		await device.waitForTimeout(500);
		await device.screenshot({ path: join(OUT, `${name}.png`) });
		await device.close();
	}

	await page.goto(`${BASE}/console/sign-in`);
	await page.getByLabel('用户名').fill('admin');
	await page.getByLabel('密码').fill('lobbydesk');
	await page.getByRole('button', { name: '登录' }).click();
	await page.waitForURL(`${BASE}/console`);
	await page.goto(`${BASE}/console/devices`);
	await page.screenshot({ path: join(OUT, 'devices.png') });
	await page.goto(`${BASE}/console/account`);
	await page.getByRole('button', { name: '退出登录' }).click();

	await page.goto(`${BASE}/console/sign-in`);
	await page.getByLabel('用户名').fill('assistant');
	await page.getByLabel('密码').fill('lobbydesk');
	await page.getByRole('button', { name: '登录' }).click();
	await page.waitForURL(`${BASE}/console`);
	await page.waitForTimeout(500);
	await page.screenshot({ path: join(OUT, 'console.png') });
	await browser.close();
	console.log(`Screenshots written to ${OUT}/`);
} finally {
	server.kill('SIGTERM');
}
