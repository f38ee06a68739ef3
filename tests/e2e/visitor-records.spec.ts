import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { demoHome, postForm, sessionCookie, signIn } from './helpers.js';
import { hostOf, registerAtKiosk } from './visit-at-kiosk.js';

// The visitor records in the console: the log (来人来访登记表) and its export, the block list and
// the visitor settings. This server is shared with every other browser test: searches here
// look for names nobody else uses, and the settings are put back as they were.

/** A name no other test gives a visitor. */
const nobody = () => `无此人${crypto.randomUUID().slice(0, 4).replace(/\d/g, '甲')}`;
/** A mobile number no other test uses. */
const freshPhone = () => `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

/** Sends the log's search form and waits for its answer. */
async function search(page: Page) {
	await Promise.all([
		page.waitForResponse((r) => r.url().includes('/console/visitors/log?/search')),
		page.getByRole('button', { name: '查询' }).click()
	]);
}

async function openLog(page: Page) {
	await page.goto('/console/visitors/log');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('来人来访登记表');
}

test('the log searches, says plainly when nothing matches, and points at each wrong field', async ({
	page
}) => {
	await signIn(page, 'assistant');
	await openLog(page);
	const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
	await expect(page.getByLabel('开始日期')).toHaveValue(today);
	await expect(page.getByLabel('结束日期')).toHaveValue(today);

	const name = nobody();
	await page.getByLabel('姓名（包含）').fill(name);
	await search(page);
	await expect(page.getByRole('status')).toHaveText('没有符合条件的来访记录');

	await page.getByLabel('开始日期').fill('2026-11-10');
	await page.getByLabel('结束日期').fill('2026-11-01');
	await page.getByLabel('手机号码（包含）').fill('139abc');
	await page.getByLabel('证件号码（完整）').fill('11010519491231002X');
	await search(page);
	const main = page.locator('main');
	await expect(main.getByText('结束日期不能早于开始日期')).toBeVisible();
	await expect(main.getByText('手机号码只能包含数字')).toBeVisible();
	await expect(main.getByText('按证件号码查找时请选择证件类型')).toBeVisible();
	await expect(page.getByLabel('结束日期')).toHaveAttribute('aria-invalid', 'true');
	// What was typed stays.
	await expect(page.getByLabel('姓名（包含）')).toHaveValue(name);
	await expect(page.getByLabel('手机号码（包含）')).toHaveValue('139abc');
	await expect(page.getByLabel('开始日期')).toHaveValue('2026-11-10');
});

test('the server never sends an ID number back, and refuses a bad search without a server error', async ({
	request,
	baseURL
}) => {
	const base = baseURL ?? '';
	const cookie = await sessionCookie(request, base, 'guard');
	const id = '11010519491231002X';
	const refused = await postForm(
		request,
		base,
		'/console/visitors/log?/search',
		{ idType: '', idNumber: id, from: 'yesterday' },
		cookie
	);
	expect(refused.status()).toBe(400);
	const body = await refused.text();
	expect(body).toContain('visitLogIdTypeRequired');
	expect(body).toContain('visitLogDateInvalid');
	expect(body).not.toContain(id);

	const found = await postForm(
		request,
		base,
		'/console/visitors/log?/search',
		{ idType: 'resident_id', idNumber: id },
		cookie
	);
	expect(await found.text()).not.toContain(id);
});

test('the export is a CSV for Excel with the header in the reader’s language', async ({
	page,
	request,
	baseURL
}) => {
	await signIn(page, 'supervisor');
	await openLog(page);
	await page.getByLabel('姓名（包含）').fill(nobody());
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: '导出 CSV' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(
		/^visitor-log-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/
	);
	const text = readFileSync((await download.path()) ?? '', 'utf8');
	expect(text).toBe(
		'\uFEFF来访时间,通行证号,姓名,手机号码,证件,拜访住户,住户姓氏,来访事由,人数,状态,离开时间,决定人\r\n'
	);
	// The page is still the log: a download does not navigate.
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('来人来访登记表');

	const base = baseURL ?? '';
	const english = await request.get(
		`${base}/console/visitors/log.csv?name=${encodeURIComponent(nobody())}`,
		{
			headers: { cookie: `${await sessionCookie(request, base, 'assistant')}; lobbydesk_locale=en` }
		}
	);
	expect(english.status()).toBe(200);
	expect(english.headers()['content-type']).toContain('text/csv');
	expect(english.headers()['content-disposition']).toContain('attachment');
	expect(await english.text()).toMatch(/^\uFEFFArrived,Pass,Name,Phone,ID,Home visited,/);

	// The guard searches the log at the gate but takes no file of it away; the engineer neither.
	for (const role of ['guard', 'engineer'] as const) {
		const refused = await request.get(`${base}/console/visitors/log.csv`, {
			headers: { cookie: await sessionCookie(request, base, role) },
			maxRedirects: 0
		});
		expect(refused.status()).toBe(403);
	}
	const assistant = await sessionCookie(request, base, 'assistant');
	const bad = await request.get(`${base}/console/visitors/log.csv?from=2026-13-01`, {
		headers: { cookie: assistant }
	});
	expect(bad.status()).toBe(400);
	// A body that is not the page's form (JSON, or a NUL in a name) is refused, not a 500.
	const json = await request.post(`${base}/console/visitors/log.csv`, {
		data: { name: 'x' },
		headers: { cookie: assistant, origin: base }
	});
	expect(json.status()).toBe(415);
	const nul = await request.get(`${base}/console/visitors/log.csv?name=a%00b`, {
		headers: { cookie: assistant }
	});
	expect(nul.status()).toBe(400);
});

test('the guard searches the log but has no export', async ({ page }) => {
	await signIn(page, 'guard');
	await openLog(page);
	await expect(page.getByRole('button', { name: '查询' })).toBeVisible();
	await expect(page.getByRole('button', { name: '导出 CSV' })).toHaveCount(0);
});

test('a supervisor adds an entry to the block list, with messages at each field, and lifts it', async ({
	page
}) => {
	await signIn(page, 'supervisor');
	await page.goto('/console/visitors/blocks');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('访客限制名单');
	const main = page.locator('main');

	await page.getByRole('button', { name: '加入限制名单' }).click();
	await expect(main.getByText('请填写姓名')).toBeVisible();
	await expect(main.getByText('请填写手机号码或证件号码（至少一项）')).toBeVisible();
	await expect(main.getByText('请填写原因')).toBeVisible();

	const name = nobody();
	const phone = freshPhone();
	await page.getByLabel('姓名', { exact: true }).fill(name);
	await page.getByLabel('手机号码', { exact: true }).fill('1234');
	await page.getByLabel('原因（仅工作人员可见，最多 200 字）').fill('多次冒充快递进入楼栋');
	await page.getByRole('button', { name: '加入限制名单' }).click();
	await expect(main.getByText('请填写 11 位中国大陆手机号码')).toBeVisible();
	await expect(page.getByLabel('姓名', { exact: true })).toHaveValue(name);
	await expect(page.getByLabel('原因（仅工作人员可见，最多 200 字）')).toHaveValue(
		'多次冒充快递进入楼栋'
	);

	await page.getByLabel('手机号码', { exact: true }).fill(phone);
	await page.getByLabel('证件类型').selectOption({ label: '护照' });
	await page.getByLabel('证件号码').fill('E12345678');
	await page.getByRole('button', { name: '加入限制名单' }).click();
	await expect(page.getByRole('status')).toHaveText('已加入限制名单。');
	const row = page.locator('tr', { hasText: name });
	await expect(row).toContainText(phone);
	await expect(row).toContainText('护照 ****5678');
	await expect(row).not.toContainText('E12345678');
	await expect(row).toContainText('多次冒充快递进入楼栋');
	await expect(row).toContainText('陈丽'); // the demo's supervisor
	// The form is empty again for the next entry.
	await expect(page.getByLabel('姓名', { exact: true })).toHaveValue('');

	await row.getByRole('button', { name: `解除对 ${name} 的限制` }).click();
	await expect(page.getByRole('status')).toHaveText('已解除限制。');
	await expect(page.locator('tr', { hasText: name })).toHaveCount(0);
});

test('the block list is for supervisors and the director; the log for the desk and guards', async ({
	request,
	baseURL
}) => {
	const base = baseURL ?? '';
	const status = async (role: string, path: string) =>
		(
			await request.get(`${base}${path}`, {
				headers: { cookie: await sessionCookie(request, base, role) },
				maxRedirects: 0
			})
		).status();
	expect(await status('assistant', '/console/visitors/blocks')).toBe(403);
	expect(await status('director', '/console/visitors/blocks')).toBe(200);
	expect(await status('guard', '/console/visitors/log')).toBe(200);
	expect(await status('engineer', '/console/visitors/log')).toBe(403);
	expect(await status('supervisor', '/console/visitors/settings')).toBe(403);
	expect(await status('admin', '/console/visitors/settings')).toBe(200);
	// A visit id that is not one is a plain "cannot block this", never a server error.
	const page = await request.get(`${base}/console/visitors/blocks?visit=1'%20or%201=1`, {
		headers: { cookie: await sessionCookie(request, base, 'supervisor') }
	});
	expect(page.status()).toBe(200);
	expect(await page.text()).toContain('找不到这条来访记录，或记录已匿名');
	const lift = await postForm(
		request,
		base,
		'/console/visitors/blocks?/lift',
		{ block: 'nonsense' },
		await sessionCookie(request, base, 'director')
	);
	expect(await lift.text()).toContain('visitBlockLiftGone');
});

test('the director sets the host’s time to answer and the retention period, each checked', async ({
	page
}) => {
	await signIn(page, 'director');
	await page.goto('/console/visitors/settings');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('访客设置');
	const consent = page.getByLabel('住户答复时限（分钟）');
	const retention = page.getByLabel('个人信息保存天数');
	await expect(consent).toHaveValue('3');
	await expect(retention).toHaveValue('180');

	await consent.fill('0');
	await retention.fill('二十');
	await page.getByRole('button', { name: '保存' }).click();
	await expect(page.locator('main').getByText('请填写 1–30 之间的整数')).toBeVisible();
	await expect(page.locator('main').getByText('请填写 30–3650 之间的整数')).toBeVisible();
	await expect(retention).toHaveValue('二十');

	await consent.fill('5');
	await retention.fill('365');
	await page.getByRole('button', { name: '保存' }).click();
	await expect(page.getByRole('status')).toHaveText('访客设置已保存。');
	await page.reload();
	await expect(consent).toHaveValue('5');
	await expect(retention).toHaveValue('365');

	// Back as they were, for the rest of the suite.
	await consent.fill('3');
	await retention.fill('180');
	await page.getByRole('button', { name: '保存' }).click();
	await expect(page.getByRole('status')).toHaveText('访客设置已保存。');
});

// A visit in the log, registered at the kiosk's form.
test('a visitor from the kiosk is in the log and its export, formulas neutralised, and can be restricted from their row', async ({
	page,
	browser
}) => {
	test.slow();
	const name = '=HYPERLINK("x")';
	const phone = freshPhone();
	await registerAtKiosk(page, 15, { name, phone, idNumber: '11010519491231002X' });

	const staff = await (await browser.newContext()).newPage();
	await signIn(staff, 'supervisor');
	await openLog(staff);
	await staff.getByLabel('手机号码（包含）').fill(phone);
	await search(staff);
	const row = staff.locator('tbody tr', { hasText: phone });
	await expect(row).toContainText(name);
	await expect(row).toContainText('居民身份证 ****002X');
	await expect(row).toContainText(demoHome(15).zh);
	await expect(row).toContainText(hostOf(15).surname);
	await expect(row).not.toContainText('11010519491231002X');

	const [download] = await Promise.all([
		staff.waitForEvent('download'),
		staff.getByRole('button', { name: '导出 CSV' }).click()
	]);
	const csv = readFileSync((await download.path()) ?? '', 'utf8');
	const lines = csv.split('\r\n');
	expect(lines).toHaveLength(3); // the header, this visit, the last line break
	expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
	expect(lines[1]).toContain(phone);
	expect(csv).not.toContain('11010519491231002X');

	await row.getByRole('link', { name: `把 ${name} 加入限制名单` }).click();
	await expect(staff.getByRole('heading', { name: '把这位访客加入限制名单' })).toBeVisible();
	const section = staff.locator('section', { hasText: '把这位访客加入限制名单' });
	await expect(section).toContainText(phone);
	await section.getByRole('button', { name: '加入限制名单' }).click();
	await expect(section.getByText('请填写原因')).toBeVisible();
	await section.getByLabel('原因（仅工作人员可见，最多 200 字）').fill('在登记表中填写公式');
	await section.getByRole('button', { name: '加入限制名单' }).click();
	await expect(staff.getByRole('status')).toHaveText('已加入限制名单。');
	const entry = staff.locator('tr', { hasText: phone });
	await expect(entry).toContainText('居民身份证 ****002X');
	await entry.getByRole('button', { name: `解除对 ${name} 的限制` }).click();
	await expect(staff.locator('tr', { hasText: phone })).toHaveCount(0);
});
