import type { Browser } from '@playwright/test';
import { sentTexts } from '../e2e/sms-outbox.js';
import {
	hosts,
	householdToken,
	ownerToken,
	postForm,
	registerVisit,
	type Credential,
	type FuzzContext
} from './fuzz-context.js';
import { fileRepair, type Home } from './kiosk-client.js';

/**
 * Hostile text filed through the real forms, then every page that shows it opened in Chromium:
 * no dialog opens, no element is injected, and the text reads exactly as it was typed.
 */

/** Script, markup, template and SQL fragments, a right-to-left override and astral characters. */
export const PAYLOAD =
	'<script>alert(1)</script> "><img src=x onerror=alert(1)> {{7*7}} \'; drop table tickets;-- \u202Eabc 😀';
/** For fields that take a person's name: letters and markup, no digits. */
export const NAME_PAYLOAD = '"><img src=x>';
/** For a visit's purpose (at most 40 characters). */
export const PURPOSE_PAYLOAD = '<script>alert(1)</script>{{7*7}}';

export interface Shown {
	/** Who opens the page. */
	as: Credential;
	path: string;
	/** Text the page must show exactly as typed. */
	texts: string[];
	/** The printed page (a kiosk's receipt shows the description only on paper). */
	print?: boolean;
}

/** Files the hostile text everywhere it can go and says which pages must show it. */
export async function fileHostileText(
	ctx: FuzzContext,
	port: number,
	databaseUrl: string,
	kept: Home[]
): Promise<Shown[]> {
	const { baseURL, cookies } = ctx;
	const [home, visited] = kept;
	if (!home || !visited) throw new Error('two homes are needed');
	const serial = await fileRepair(baseURL, cookies.kiosk, {
		home,
		key: crypto.randomUUID(),
		description: PAYLOAD
	});
	const token = await ownerToken(baseURL, cookies.kiosk, serial);
	const note = await postForm(baseURL, `/o/${token}?/note`, { text: PAYLOAD });
	const ticket = `/console/tickets/${encodeURIComponent(serial)}`;
	const claim = await postForm(baseURL, `${ticket}?/claim`, {}, cookies.assistant);
	const contact = await postForm(
		baseURL,
		`${ticket}?/contact`,
		{ contactKind: 'call', text: PAYLOAD },
		cookies.assistant
	);
	const desk = await postForm(
		baseURL,
		'/console/tickets/new',
		{
			type: 'repair',
			channel: 'phone',
			unitId: home.unitId,
			callerName: NAME_PAYLOAD,
			callerPhone: '13900001111',
			category: 'water',
			description: PAYLOAD,
			preferredAt: '',
			idempotencyKey: crypto.randomUUID()
		},
		cookies.assistant
	);
	const deskSerial = decodeURIComponent(
		((await desk.json()) as { location?: string }).location?.split('/').at(-1) ?? ''
	);

	const host = (await hosts(databaseUrl)).find((h) => h.unitId === visited.unitId);
	if (!host) throw new Error('no host for the visited home');
	const before = sentTexts(port).length;
	const visit = await registerVisit(baseURL, cookies.kiosk, host, {
		name: NAME_PAYLOAD,
		phone: '13700002222',
		idNumber: 'G87654321',
		purposeText: PURPOSE_PAYLOAD
	});
	const household = await householdToken(port, before);
	const block = await postForm(
		baseURL,
		'/console/visitors/blocks?/add',
		{ name: NAME_PAYLOAD, phone: '13600003333', idType: '', idNumber: '', reason: PAYLOAD },
		cookies.supervisor
	);
	for (const [what, response] of Object.entries({ note, claim, contact, desk, visit, block })) {
		if (response.status >= 400) throw new Error(`${what} refused: ${response.status}`);
	}

	return [
		{
			as: 'kiosk',
			path: `/kiosk/done/${encodeURIComponent(serial)}`,
			texts: [PAYLOAD],
			print: true
		},
		{ as: 'owner', path: `/o/${token}`, texts: [PAYLOAD] },
		{ as: 'assistant', path: ticket, texts: [PAYLOAD] },
		{
			as: 'assistant',
			path: `/console/tickets/${encodeURIComponent(deskSerial)}`,
			texts: [PAYLOAD, NAME_PAYLOAD]
		},
		{ as: 'assistant', path: '/console/tickets', texts: [] },
		{ as: 'assistant', path: '/console', texts: [] },
		{ as: 'assistant', path: '/console/visitors', texts: [NAME_PAYLOAD] },
		{ as: 'guard', path: '/console/visitors/log', texts: [NAME_PAYLOAD, PURPOSE_PAYLOAD] },
		{ as: 'supervisor', path: '/console/visitors/blocks', texts: [NAME_PAYLOAD, PAYLOAD] },
		{ as: 'household', path: `/h/${household}`, texts: [NAME_PAYLOAD] },
		{ as: 'display', path: '/display', texts: [] }
	];
}

/** Opens each page as its viewer; returns what was wrong on it, one line each. */
export async function checkInert(
	browser: Browser,
	ctx: FuzzContext,
	pages: Shown[]
): Promise<string[]> {
	const problems: string[] = [];
	for (const shown of pages) {
		const context = await browser.newContext();
		const cookie = ctx.cookies[shown.as];
		if (cookie) {
			const [name = '', ...value] = cookie.split('=');
			await context.addCookies([{ name, value: value.join('='), url: ctx.baseURL }]);
		}
		const page = await context.newPage();
		if (shown.print) await page.emulateMedia({ media: 'print' });
		const dialogs: string[] = [];
		page.on('dialog', (dialog) => {
			dialogs.push(dialog.message());
			void dialog.dismiss();
		});
		const response = await page.goto(new URL(shown.path, ctx.baseURL).toString());
		await page.waitForLoadState('networkidle');
		const found = await page.evaluate(() => ({
			text: document.body.innerText,
			injected: document.querySelectorAll('img[src="x"], img[onerror]').length,
			// What `<script>alert(1)</script>` would leave if it were taken as markup.
			scripts: [...document.scripts].filter((s) => s.textContent?.trim() === 'alert(1)').length
		}));
		const where = `${shown.as} ${shown.path}`;
		if (!response?.ok()) problems.push(`${where}: ${response?.status()}`);
		if (dialogs.length) problems.push(`${where}: a dialog opened (${dialogs.join(', ')})`);
		if (found.injected) problems.push(`${where}: ${found.injected} injected image(s)`);
		if (found.scripts) problems.push(`${where}: ${found.scripts} injected script(s)`);
		for (const text of shown.texts) {
			if (!found.text.includes(text))
				problems.push(`${where}: does not show ${JSON.stringify(text)}`);
		}
		await context.close();
	}
	return problems;
}

/** Names a spreadsheet would run as formulas; each is a valid visitor's name. */
export const FORMULA_NAMES = ["=cmd|' /C calc'!A", '+cmd|x', '-cmd', '@SUM(A)'];

/**
 * Visitors with formula names registered at `home`, then the day's log exported as the office
 * does: the cells that would start with a formula character, one line each (none expected), and
 * the names missing from the file in their neutralised form.
 */
export async function exportedFormulas(
	ctx: FuzzContext,
	databaseUrl: string,
	home: Home
): Promise<string[]> {
	const host = (await hosts(databaseUrl)).find((h) => h.unitId === home.unitId);
	if (!host) throw new Error('no host for the home');
	for (const [i, name] of FORMULA_NAMES.entries()) {
		const response = await registerVisit(ctx.baseURL, ctx.cookies.kiosk, host, {
			name,
			phone: `1350000000${i}`,
			idNumber: `F1234567${i}`
		});
		if (response.status >= 400) throw new Error(`${name} was not registered: ${response.status}`);
	}
	const csv = await (
		await fetch(new URL('/console/visitors/log.csv', ctx.baseURL), {
			headers: { cookie: ctx.cookies.assistant }
		})
	).text();
	const formulas = csv.split('\r\n').filter((line) => /(^|,)"?[=+\-@]/.test(line));
	const missing = FORMULA_NAMES.filter((name) => !csv.includes(`'${name}`)).map(
		(name) => `not neutralised: ${name}`
	);
	return [...formulas, ...missing];
}
