import { expect, test } from '@playwright/test';
import { cookieHeader, pairDemo, postForm } from './helpers.js';
import { hostLinkIn, sentTexts } from './sms-outbox.js';
import {
	home,
	hostText,
	portOf,
	registerFirstVisit,
	residentId,
	Walkthrough
} from './visitor-kiosk-steps.js';

// 访客 at the lobby kiosk: a first visit, a returning visitor, an invitation code, as a visitor
// taps through them, counted. Each test has a home of its own (33–39, visited by no other spec)
// and visitors with phones and documents of their own. The waiting screen's answers and sign-out
// are in visitor-kiosk-answer.spec.ts.

test('a first-time visitor registers in a minute, waits, and the host is texted a link without the ID', async ({
	page,
	browser,
	baseURL
}) => {
	const where = home(33);
	const idNumber = residentId('11010119900101123');
	await pairDemo(page, 'kiosk');
	const walk = await registerFirstVisit(page, where, {
		name: '诸葛亮',
		phone: '13700330001',
		idNumber
	});
	walk.report('first-time');
	expect(walk.taps).toBeLessThanOrEqual(7);
	expect(walk.fields).toBeLessThanOrEqual(5);

	await expect(page.getByTestId('visit-outcome')).toContainText('已通知住户，请稍候');
	await expect(page.getByTestId('visit-waited')).toContainText('已等候');
	expect(await page.content()).not.toContain(idNumber);

	const text = await hostText(baseURL, where.phones, '诸**');
	expect(hostLinkIn(text.text)).toMatch(/^\/h\/[a-z2-7]{32}$/);
	expect(text.text).not.toContain(idNumber);
	expect(text.text).not.toContain('诸葛亮');

	// Another kiosk cannot open this visitor's screen by its address.
	const other = await (await browser.newContext()).newPage();
	await pairDemo(other, 'kiosk');
	const response = await other.goto(page.url());
	expect(response?.status()).toBe(404);
	await other.context().close();
});

test('bad input is pointed at field by field, and everything typed stays', async ({ page }) => {
	const where = home(34);
	const idNumber = residentId('11010119850505234');
	await pairDemo(page, 'kiosk');
	await page.goto('/kiosk/visit/new');
	await page.getByRole('button', { name: '提交登记' }).click();
	for (const message of [
		'请填写姓名',
		'请填写手机号码',
		'请填写证件号码',
		'请选择您要拜访的房屋',
		'请填写被访住户的姓氏',
		'请选择来访事由'
	]) {
		await expect(page.getByText(message)).toBeVisible();
	}

	// A short phone and an ID number whose check character is wrong.
	const wrongId = idNumber.slice(0, 17) + (idNumber.endsWith('0') ? '1' : '0');
	await page.getByLabel('姓名').fill('夏侯惇');
	await page.getByLabel('手机号码').fill('1370034000');
	await page.getByLabel('证件号码').fill(wrongId);
	await page.getByLabel('拜访住户').selectOption({ label: where.zh });
	await page.getByLabel('住户姓氏').fill('欧阳');
	await page.getByRole('radio', { name: '送货' }).click();
	await page.getByRole('button', { name: '多一位' }).click();
	await page.getByRole('button', { name: '提交登记' }).click();
	await expect(page.getByText('请填写 11 位中国大陆手机号码')).toBeVisible();
	await expect(page.getByText('身份证号码有误，请核对')).toBeVisible();
	await expect(page.getByLabel('姓名')).toHaveValue('夏侯惇');
	await expect(page.getByLabel('手机号码')).toHaveValue('1370034000');
	await expect(page.getByLabel('证件号码')).toHaveValue(wrongId);
	await expect(page.getByLabel('拜访住户').locator('option:checked')).toHaveText(where.zh);
	await expect(page.getByLabel('住户姓氏')).toHaveValue('欧阳');
	await expect(page.getByRole('radio', { name: '送货' })).toBeChecked();
	await expect(page.getByLabel('人数')).toHaveValue('2');

	// Right phone and number; nobody of that surname lives there (the kiosk says no more).
	await page.getByLabel('手机号码').fill('13700340001');
	await page.getByLabel('证件号码').fill(idNumber);
	await page.getByRole('button', { name: '提交登记' }).click();
	await expect(page.locator('#host-surname-error')).toHaveText(
		'这户没有此姓氏的住户，请核对楼栋房号和姓氏'
	);
	await expect(page.getByText('请填写 11 位中国大陆手机号码')).toHaveCount(0);
	await expect(page.getByLabel('证件号码')).toHaveValue(idNumber);
	await expect(page.getByLabel('人数')).toHaveValue('2');

	await page.getByLabel('住户姓氏').fill(where.surname);
	await page.getByRole('button', { name: '提交登记' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('请稍候');
});

test('the same registration sent twice (a double tap, a retry) registers one visit', async ({
	page,
	baseURL
}) => {
	const where = home(35);
	await pairDemo(page, 'kiosk');
	await page.goto('/kiosk/visit/new');
	const unitId = await page
		.getByLabel('拜访住户')
		.locator('option', { hasText: where.zh })
		.getAttribute('value');
	const form = {
		idempotencyKey: await page.locator('input[name="idempotencyKey"]').inputValue(),
		name: '欧阳修',
		phone: '13700350001',
		idType: 'resident_id',
		idNumber: residentId('11010119751111345'),
		unitId: unitId ?? '',
		hostSurname: where.surname,
		purpose: 'visit_family',
		purposeText: '',
		party: '1'
	};
	const cookie = await cookieHeader(page);
	const [first, second] = await Promise.all(
		[1, 2].map(() => postForm(page.request, baseURL ?? '', '/kiosk/visit/new', form, cookie))
	);
	const location = async (r: typeof first) =>
		((await r?.json()) as { location?: string }).location ?? '';
	const [a, b] = [await location(first), await location(second)];
	expect(a).toMatch(/^\/kiosk\/visit\/[0-9a-f-]{36}$/);
	expect(b).toBe(a);
	await page.goto(a);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('请稍候');
	// One visit, so one text to the household.
	await hostText(baseURL, where.phones, '欧**');
	const texts = sentTexts(portOf(baseURL)).filter(
		(t) => where.phones.includes(t.to) && t.text.includes('访客欧**')
	);
	expect(texts).toHaveLength(where.phones.length);
});

test('a returning visitor who asked to be remembered registers with phone and last 4 only', async ({
	page
}) => {
	const where = home(36);
	const idNumber = residentId('11010119800808456');
	const phone = '13700360001';
	await pairDemo(page, 'kiosk');
	await registerFirstVisit(page, where, { name: '司马懿', phone, idNumber, remember: true });
	await page.getByRole('link', { name: '返回首页' }).click();

	const walk = new Walkthrough();
	await walk.tap(page.getByRole('link', { name: /我是访客/ }));
	await walk.tap(page.getByRole('link', { name: /我来过/ }));
	await walk.fill(page.getByLabel('手机号码'), phone);
	await walk.fill(page.getByLabel('证件后 4 位'), idNumber.slice(-4).toLowerCase());
	await walk.tap(page.getByRole('button', { name: '查找' }));
	await expect(page.getByRole('heading', { name: '欢迎回来，司**' })).toBeVisible();
	// Last visit, ready to change; the remember box stays ticked.
	await expect(page.getByLabel('拜访住户').locator('option:checked')).toHaveText(where.zh);
	await expect(page.getByLabel('住户姓氏')).toHaveValue(where.surname);
	await expect(page.getByRole('radio', { name: '探亲访友' })).toBeChecked();
	await expect(page.getByLabel('人数')).toHaveValue('1');
	await expect(page.getByRole('checkbox', { name: /下次记住我/ })).toBeChecked();
	expect(await page.content()).not.toContain('司马懿');
	await walk.tap(page.getByRole('button', { name: '提交登记' }));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('请稍候');
	walk.report('returning');
	expect(walk.taps).toBeLessThanOrEqual(6);
	expect(walk.fields).toBeLessThanOrEqual(2);
});

test('a visitor who did not tick "remember me" is not recognised, and goes to the form with their phone', async ({
	page
}) => {
	const where = home(37);
	const idNumber = residentId('11010119921212567');
	const phone = '13700370001';
	await pairDemo(page, 'kiosk');
	await registerFirstVisit(page, where, { name: '上官婉儿', phone, idNumber });
	await page.goto('/kiosk/visit/returning');
	await page.getByLabel('手机号码').fill(phone);
	await page.getByLabel('证件后 4 位').fill('12');
	await page.getByRole('button', { name: '查找' }).click();
	await expect(page.getByText('请输入证件号码的最后 4 位')).toBeVisible();
	await page.getByLabel('证件后 4 位').fill(idNumber.slice(-4));
	await page.getByRole('button', { name: '查找' }).click();
	await expect(page.getByRole('alert')).toContainText('没有找到您的登记信息，请重新登记。');
	await expect(page.getByLabel('手机号码')).toHaveValue(phone);
	await page.getByRole('link', { name: '重新登记' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('来访登记');
	await expect(page.getByLabel('手机号码')).toHaveValue(phone);
});

test('in English, a visitor with a passport registers a party of two', async ({ page }) => {
	const where = home(38);
	await pairDemo(page, 'kiosk');
	await page.getByRole('button', { name: '切换语言' }).click();
	await page.getByRole('link', { name: /I'm visiting/ }).click();
	await page.getByRole('link', { name: /First visit/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Register your visit');
	await page.getByLabel('Name', { exact: true }).fill('Anna Lee');
	await page.getByLabel('Mobile number').fill('137 0038 0001');
	await page.getByRole('radio', { name: 'Passport' }).click();
	await page.getByLabel('ID number').fill('e1234567');
	await page.getByLabel('Home you are visiting').selectOption({ label: where.en });
	await page.getByLabel("Host's surname").fill(where.surname);
	await page.getByRole('radio', { name: 'Other', exact: true }).click();
	await page.getByLabel('Say what for').fill('Piano lesson');
	await page.getByRole('button', { name: 'One more' }).click();
	await page.getByRole('button', { name: 'Register', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Please wait');
	await expect(page.getByTestId('visit-outcome')).toContainText('We have let your host know');
});

test('the invitation code field takes a scanner’s Enter and says what is wrong with a code', async ({
	page
}) => {
	await pairDemo(page, 'kiosk');
	await page.getByRole('link', { name: /我是访客/ }).click();
	await page.getByRole('link', { name: /我有邀请码/ }).click();
	const code = page.getByLabel('邀请码');
	await expect(code).toBeFocused();
	await code.press('Enter');
	await expect(page.getByText('请输入邀请码')).toBeVisible();
	await code.fill('AB1');
	await code.press('Enter');
	await expect(page.getByText('邀请码是 6 位字母和数字')).toBeVisible();
	await expect(code).toHaveValue('AB1');
	await code.fill('zzzz-zz');
	await code.press('Enter');
	await expect(page.getByText('邀请码无效，请核对或到服务台登记')).toBeVisible();
	await expect(code).toHaveValue('zzzz-zz');
});

test('without JavaScript the form still registers, and a refusal still keeps what was typed', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	const where = home(39);
	const idNumber = residentId('11010119660606901');
	await pairDemo(page, 'kiosk', { script: false });
	await page.goto('/kiosk/visit/new');
	await page.getByLabel('姓名').fill('黄药师');
	await page.getByLabel('手机号码').fill('13700390001');
	await page.getByLabel('证件号码').fill(idNumber);
	await page.getByLabel('拜访住户').selectOption({ label: where.zh });
	await page.getByLabel('住户姓氏').fill('欧阳');
	await page.getByRole('radio', { name: '看房' }).click();
	await page.getByLabel('人数').fill('3');
	await page.getByRole('button', { name: '提交登记' }).click();
	await expect(page.locator('#host-surname-error')).toHaveText(
		'这户没有此姓氏的住户，请核对楼栋房号和姓氏'
	);
	await expect(page.getByLabel('姓名')).toHaveValue('黄药师');
	await expect(page.getByLabel('证件号码')).toHaveValue(idNumber);
	await expect(page.getByLabel('人数')).toHaveValue('3');
	await expect(page.getByRole('radio', { name: '看房' })).toBeChecked();
	await page.getByLabel('住户姓氏').fill(where.surname);
	await page.getByRole('button', { name: '提交登记' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('请稍候');
	await context.close();
});
