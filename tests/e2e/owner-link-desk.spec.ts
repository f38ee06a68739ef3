import { devices, expect, test, type Browser, type Page } from '@playwright/test';
import { signIn } from './helpers.js';
import { sentTexts } from './sms-outbox.js';

// An owner who phoned the desk got no receipt: the desk texts them a link to follow the request
// on their phone, and withdraws the links when one is lost.

const portOf = (baseURL: string | undefined) => Number(new URL(baseURL ?? '').port);
/** A mobile number no other test uses, so its texts are this test's alone. */
const freshMobile = () => `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
const unique = (what: string) => `${what} ${crypto.randomUUID().slice(0, 8)}`;

/** Files a phoned-in repair on the desk's form and returns its serial. */
async function fileByPhone(page: Page, description: string, phone: string): Promise<string> {
	await page.goto('/console/tickets/new');
	await page.getByLabel('来源').selectOption({ label: '电话' });
	await page.getByLabel('类型').selectOption({ label: '报修' });
	await page.getByLabel('类别').selectOption({ label: '水管 / 漏水' });
	await page.getByLabel('房屋').selectOption({ index: 5 });
	await page.getByLabel('来电/来访人姓名').fill('陈女士');
	await page.getByLabel('联系电话').fill(phone);
	await page.getByLabel('请描述情况').fill(description);
	await page.getByRole('button', { name: '登记工单' }).click();
	await expect(page).toHaveURL(/\/console\/tickets\/R-\d{8}-\d{3}$/);
	return page.url().split('/').pop() ?? '';
}

/** The links texted to `phone`, oldest first, as paths. */
async function linksTextedTo(baseURL: string | undefined, phone: string, count: number) {
	let texts: { text: string }[] = [];
	await expect
		.poll(() => {
			texts = sentTexts(portOf(baseURL)).filter((t) => t.to === phone);
			return texts.length;
		})
		.toBe(count);
	return texts.map((t) => ({ text: t.text, path: /\/o\/[a-z2-7]{32}/.exec(t.text)?.[0] ?? '' }));
}

async function phone(browser: Browser): Promise<Page> {
	const context = await browser.newContext({
		viewport: devices['iPhone 13'].viewport,
		hasTouch: true
	});
	return context.newPage();
}

test('the desk texts a phoned-in owner a follow link, and withdraws it', async ({
	page,
	browser,
	baseURL
}) => {
	const mobile = freshMobile();
	const description = unique('阳台地漏堵塞，电话报修');
	await signIn(page, 'assistant');
	const serial = await fileByPhone(page, description, mobile);

	const panel = page.getByTestId('owner-link');
	await expect(panel).toContainText(`尾号 ${mobile.slice(-4)}`);
	await expect(panel.getByTestId('owner-link-active')).toHaveText('有效链接 0 个');
	await expect(panel.getByRole('button', { name: '收回链接' })).toHaveCount(0);
	await panel.getByRole('button', { name: '发送跟进链接' }).click();
	await expect(panel.getByRole('status')).toHaveText(`已发送到尾号 ${mobile.slice(-4)} 的手机。`);
	await expect(panel.getByTestId('owner-link-active')).toHaveText('有效链接 1 个');
	const timeline = page.getByTestId('timeline');
	await expect(timeline).toContainText('短信发送了业主跟进链接');
	await expect(timeline).toContainText(`尾号 ${mobile.slice(-4)}`);

	// The text names the request and carries an address on this server that opens it.
	const [texted] = await linksTextedTo(baseURL, mobile, 1);
	expect(texted?.text).toContain(serial);
	expect(texted?.text).toContain(`${baseURL}${texted?.path}`);
	const owner = await phone(browser);
	const opened = await owner.goto(texted?.path ?? '');
	expect(opened?.status()).toBe(200);
	await expect(owner.getByTestId('serial')).toHaveText(serial);
	await expect(owner.getByText(description)).toBeVisible();
	// The desk's link business is not the owner's timeline.
	await expect(owner.getByText('跟进链接')).toHaveCount(0);

	await panel.getByRole('button', { name: '收回链接' }).click();
	await expect(panel.getByRole('status')).toHaveText('已收回 1 个链接。');
	await expect(panel.getByTestId('owner-link-active')).toHaveText('有效链接 0 个');
	await expect(timeline).toContainText('收回了业主的跟进链接');

	const gone = await owner.reload();
	expect(gone?.status()).toBe(410);
	await expect(owner.getByRole('heading', { name: '这个链接已失效' })).toBeVisible();
	await expect(owner.getByText(description)).toHaveCount(0);
	await owner.context().close();
});

test('without JavaScript, in English: no mobile, no button; three texts an hour; withdraw all', async ({
	page,
	browser,
	baseURL
}) => {
	test.setTimeout(60_000);
	await signIn(page, 'assistant');
	const landline = await fileByPhone(page, unique('电话报修：灯不亮'), '0755-8888 6666');
	const mobile = freshMobile();
	const serial = await fileByPhone(page, unique('电话报修：水龙头漏水'), mobile);

	const context = await browser.newContext({ javaScriptEnabled: false });
	const desk = await context.newPage();
	await signIn(desk, 'supervisor', undefined, { script: false });
	await desk.getByRole('button', { name: '切换语言' }).click();

	await desk.goto(`/console/tickets/${landline}`);
	const panel = desk.getByTestId('owner-link');
	await expect(panel).toContainText('The reporter has no mobile number on record');
	await expect(panel.getByRole('button', { name: 'Text the owner a follow link' })).toHaveCount(0);

	await desk.goto(`/console/tickets/${serial}`);
	for (const count of [1, 2, 3]) {
		await panel.getByRole('button', { name: 'Text the owner a follow link' }).click();
		await expect(panel.getByRole('status')).toHaveText(
			`Sent to the mobile ending ${mobile.slice(-4)}.`
		);
		await expect(panel.getByTestId('owner-link-active')).toHaveText(
			`${count} active ${count === 1 ? 'link' : 'links'}`
		);
	}
	await panel.getByRole('button', { name: 'Text the owner a follow link' }).click();
	await expect(panel.getByRole('alert')).toContainText(
		'A follow link was texted 3 times for this ticket within the hour. Try again after'
	);
	const texted = await linksTextedTo(baseURL, mobile, 3);
	await expect(desk.getByTestId('timeline')).toContainText('texted the owner a follow link');

	await panel.getByRole('button', { name: "Withdraw the owner's links" }).click();
	await expect(panel.getByRole('status')).toHaveText('3 links withdrawn.');
	await expect(panel.getByTestId('owner-link-active')).toHaveText('0 active links');
	await expect(desk.getByTestId('timeline')).toContainText("withdrew the owner's links");
	await expect(desk.getByTestId('timeline')).toContainText('3 links');

	const owner = await phone(browser);
	for (const { path } of texted) {
		expect((await owner.goto(path))?.status()).toBe(410);
	}
	await owner.getByRole('button', { name: '切换语言' }).click();
	await expect(owner.getByRole('heading', { name: 'This link has expired' })).toBeVisible();
	await owner.context().close();
	await context.close();
});
