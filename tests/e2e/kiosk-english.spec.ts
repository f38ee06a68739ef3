import { expect, test, type Browser, type Page } from '@playwright/test';
import { demoHome, pairDemo, signIn } from './helpers.js';

// Issue 4, in English: an owner switches the kiosk to English, files each kind of request and
// reads the receipt; the desk, signed in on another browser, sees each arrive without a reload.
// (Repairs, questions and item passes in English: kiosk-offline, owner-phone, release-pass.)

/** A demo home no other browser test files for. */
const where = demoHome(5);

/** The desk's overview in English, in a browser of its own. */
async function englishDesk(browser: Browser): Promise<Page> {
	const desk = await (await browser.newContext()).newPage();
	await signIn(desk, 'assistant');
	await expect(desk.getByTestId('live-count')).toBeVisible();
	await desk.getByRole('button', { name: '切换语言' }).click();
	await expect(desk.getByRole('heading', { name: 'Staff', exact: true })).toBeVisible();
	return desk;
}

/** Files one request at the English kiosk's form and returns the receipt's number. */
async function fileInEnglish(
	page: Page,
	request: { type: string; category: string; description: string }
): Promise<string> {
	await page.goto('/kiosk');
	await page.getByRole('link', { name: request.type }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(request.type);
	await page.getByLabel('Home', { exact: true }).selectOption({ label: where.en });
	await page.getByLabel('Last 4 digits of your phone on record').fill(where.last4);
	await page.getByText(request.category, { exact: true }).click();
	await page.getByLabel('What is the matter?').fill(request.description);
	await page.getByRole('button', { name: 'Send' }).click();
	await expect(page.getByRole('heading', { name: 'We have your request' })).toBeVisible();
	await expect(page.getByText('Your request number')).toBeVisible();
	const serial = (await page.getByTestId('serial').textContent()) ?? '';
	expect(serial, request.type).toMatch(/^[A-Z]-\d{8}-\d{3}$/);
	await expect(page.getByText(`${request.type} · ${request.category} · `)).toBeVisible();
	await expect(
		page.getByRole('img', { name: 'Scan with your phone to follow your request' })
	).toBeVisible();
	return serial;
}

/**
 * What happens next, as the receipt says it (the hours come from the site's settings, which
 * another test may change meanwhile). A paid service's quote line is left out: how paid
 * services are quoted is changing.
 */
const within = String.raw`\d+ (minutes?|hours?|working days?)`;
const NEXT: Record<string, { lines: RegExp[]; all: boolean }> = {
	Complaint: {
		lines: [
			new RegExp(
				`^You will have a reply within ${within}, and we agree when the next one comes\\.$`
			),
			new RegExp(`^We follow up within ${within} of resolving it\\.$`)
		],
		all: true
	},
	'Other help': { lines: [/^We have recorded it and will answer you soon\.$/], all: true },
	'Paid service': {
		lines: [
			new RegExp(`^When the work is done you accept and sign it; we follow up within ${within}\\.$`)
		],
		all: false
	}
};

test('in English, a complaint, other help, a paid service and an emergency arrive live on the desk', async ({
	page,
	browser
}) => {
	test.slow();
	const tag = crypto.randomUUID().slice(0, 6);
	const desk = await englishDesk(browser);
	await pairDemo(page, 'kiosk');
	await page.getByRole('button', { name: '切换语言' }).click();
	await expect(page.getByText('Welcome. What can we help you with?')).toBeVisible();

	// Paid services are only filed here: their working is changing (quotes, see the issues).
	for (const [type, category, description] of [
		['Complaint', 'Noise', `Loud music upstairs after midnight ${tag}`],
		['Other help', 'General help', `Please help me carry a parcel upstairs ${tag}`],
		['Paid service', 'Home cleaning', `A deep clean of the kitchen, please ${tag}`]
	] as const) {
		const serial = await fileInEnglish(page, { type, category, description });
		const next = page.locator('.next-steps li');
		const expected = NEXT[type] ?? { lines: [], all: false };
		for (const line of expected.lines) {
			await expect(next.filter({ hasText: line }), type).toHaveCount(1);
		}
		if (expected.all) await expect(next, type).toHaveCount(expected.lines.length);
		const row = desk.locator(`tr[data-serial="${serial}"]`);
		await expect(row, type).toContainText(type);
		await expect(row, type).toContainText(where.en);
	}

	// The red button: what and where, from the caller's own home, and no phone check.
	await page.goto('/kiosk');
	await page.getByRole('link', { name: /Emergency help/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Emergency help');
	await expect(
		page.getByText(/call 120 \(ambulance\), 119 \(fire\) or 110 \(police\)/)
	).toBeVisible();
	await page.getByRole('button', { name: 'Call for help' }).click();
	await expect(page.getByText('Choose what is happening')).toBeVisible();
	await page.getByText('Medical', { exact: true }).click();
	await page.getByText('Use my home').click();
	await page.getByLabel('My home (building, entrance, room)').selectOption({ label: where.en });
	await expect(page.getByLabel('Floor', { exact: true })).toHaveValue('3');
	await expect(page.getByLabel('Entrance-room or spot (optional)')).toHaveValue('1-302');
	await page.getByLabel('Anything else (optional)').fill(`Fell on the stairs ${tag}`);
	await page.getByRole('button', { name: 'Call for help' }).click();

	await expect(
		page.getByRole('heading', { name: 'Staff have been alerted. Someone is coming.' })
	).toBeVisible();
	const serial = (await page.getByTestId('serial').textContent()) ?? '';
	expect(serial).toMatch(/^E-\d{8}-\d{3}$/);
	await expect(page.getByText('Call number')).toBeVisible();
	await expect(page.getByText('Medical · Coming to Bldg 1, floor 3, 1-302')).toBeVisible();
	await expect(page.getByTestId('emergency-status')).toHaveText(
		'Alerting every staff member on duty and the director…'
	);
	await expect(
		page.getByText('Please stay where you are, or somewhere safe nearby, until staff arrive.')
	).toBeVisible();

	// The desk is alerted and lists it; taking it tells the caller (and stops the alert for
	// every other test's console).
	const alert = desk.getByRole('alert').locator(`[data-serial="${serial}"]`);
	await expect(alert).toContainText('Medical');
	await expect(alert).toContainText('Bldg 1, floor 3, 1-302');
	await expect(alert).toContainText(`Fell on the stairs ${tag}`);
	await expect(desk.locator(`tr[data-serial="${serial}"]`)).toContainText('Emergency help');
	await alert.getByRole('button', { name: "I'm on my way" }).click();
	await expect(page.getByTestId('emergency-status')).toHaveText('A staff member is on the way');
	await desk.context().close();
});
