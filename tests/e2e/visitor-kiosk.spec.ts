import { expect, test, type Locator, type Page } from '@playwright/test';
import { demoResidents } from '../../src/lib/server/demo-seed.js';
import { cookieHeader, demoHome, pairDemo, postForm } from './helpers.js';
import { hostLinkIn, sentTexts, type SentText } from './sms-outbox.js';

// 访客 at the lobby kiosk: a first visit, a returning visitor, an invitation code, the waiting
// screen and sign-out, as a visitor taps through them. Each test has a home of its own (28, 29,
// 31, 33–38; 30 only for visits, which no other spec makes) and visitors with phones and documents of their own.

const people = demoResidents(40);

/** A demo home with what a visitor knows of it: its label, and its first resident's surname. */
function home(i: number) {
	const where = demoHome(i);
	const residents = people[i] ?? [];
	return {
		...where,
		surname: [...(residents[0]?.name ?? '')][0] ?? '',
		phones: residents.map((r) => r.phone)
	};
}

/** A valid 居民身份证 number (GB 11643 check character) from its first 17 digits. */
function residentId(first17: string): string {
	const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
	const sum = [...first17].reduce((s, d, i) => s + Number(d) * (weights[i] ?? 0), 0);
	return first17 + '10X98765432'[sum % 11];
}

const portOf = (baseURL: string | undefined) => Number(new URL(baseURL ?? '').port);

/** The text the host's household was sent about this visitor (their masked name). */
async function hostText(baseURL: string | undefined, phones: string[], masked: string) {
	let found: SentText | undefined;
	await expect
		.poll(() => {
			found = sentTexts(portOf(baseURL)).find(
				(t) => phones.includes(t.to) && t.text.includes(`访客${masked}`)
			);
			return found !== undefined;
		})
		.toBe(true);
	return found as SentText;
}

/**
 * A visitor's walk through the kiosk, counted: every tap (a picker is two: open, choose) and
 * every field typed into, and the time from the first tap to the answer on screen.
 */
class Walkthrough {
	taps = 0;
	fields = 0;
	readonly #started = Date.now();

	async tap(target: Locator) {
		this.taps += 1;
		await target.click();
	}
	async fill(target: Locator, value: string) {
		this.fields += 1;
		await target.fill(value);
	}
	async pick(target: Locator, label: string) {
		this.taps += 2;
		await target.selectOption({ label });
	}
	report(name: string) {
		const line = `${name} taps=${this.taps} fields=${this.fields} ms=${Date.now() - this.#started}`;
		test.info().annotations.push({ type: 'visitor walkthrough', description: line });
		console.log(`visitor walkthrough: ${line}`);
	}
}

interface Visitor {
	name: string;
	phone: string;
	idNumber: string;
	remember?: boolean;
}

/** A first visit from the kiosk's home, in Chinese, counted; ends on the waiting screen. */
async function registerFirstVisit(page: Page, where: ReturnType<typeof home>, who: Visitor) {
	const walk = new Walkthrough();
	await walk.tap(page.getByRole('link', { name: /我是访客/ }));
	await walk.tap(page.getByRole('link', { name: /第一次来访/ }));
	await walk.fill(page.getByLabel('姓名'), who.name);
	await walk.fill(page.getByLabel('手机号码'), who.phone);
	// 居民身份证 is chosen already: most visitors carry one.
	await expect(page.getByRole('radio', { name: '居民身份证' })).toBeChecked();
	await walk.fill(page.getByLabel('证件号码'), who.idNumber);
	await walk.pick(page.getByLabel('拜访住户'), where.zh);
	await walk.fill(page.getByLabel('住户姓氏'), where.surname);
	await walk.tap(page.getByRole('radio', { name: '探亲访友' }));
	if (who.remember) await walk.tap(page.getByRole('checkbox', { name: /下次记住我/ }));
	await walk.tap(page.getByRole('button', { name: '提交登记' }));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('请稍候');
	return walk;
}

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

test('a host who stays silent: the waiting screen sends the visitor to the desk by itself', async ({
	page
}) => {
	test.slow();
	const where = home(28);
	await pairDemo(page, 'kiosk');
	await registerFirstVisit(page, where, {
		name: '慕容复',
		phone: '13700280001',
		idNumber: residentId('11010119881010678')
	});
	// The test server gives a host 15 seconds.
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('请到服务台', {
		timeout: 40_000
	});
	await expect(page.getByTestId('visit-outcome')).toContainText('请到服务台，工作人员会为您办理');
});

test('while the visitor waits for their host, the kiosk does not go home under them', async ({
	page
}) => {
	await page.clock.install();
	const where = home(29);
	await pairDemo(page, 'kiosk');
	await registerFirstVisit(page, where, {
		name: '夏侯渊',
		phone: '13700290001',
		idNumber: residentId('11010119770707789')
	});
	const waiting = page.url();
	// Any other page would be warning now, with 5 of its 60 idle seconds left (read at once: a
	// retried assertion would let the warning pass by as the page went home).
	await page.clock.runFor(55_000);
	expect(await page.getByRole('alertdialog').count()).toBe(0);
	// Nor does it go home when the idle time is up.
	await page.clock.runFor(20_000);
	expect(page.url()).toBe(waiting);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('请稍候');
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

test('signing out an unknown pass is refused at the field', async ({ page }) => {
	await pairDemo(page, 'kiosk');
	await page.getByRole('link', { name: /访客签离/ }).click();
	const pass = page.getByLabel('通行证号');
	await expect(pass).toBeFocused();
	await pass.press('Enter');
	await expect(page.locator('#pass-error')).toHaveText('请输入通行证号');
	await pass.fill('V-20200101-001');
	await pass.press('Enter');
	await expect(page.locator('#pass-error')).toHaveText('没有这个通行证号，请核对');
	await expect(pass).toHaveValue('V-20200101-001');
	await pass.fill('not a pass');
	await page.getByRole('button', { name: '签离' }).click();
	await expect(page.locator('#pass-error')).toHaveText('没有这个通行证号，请核对');
});

// The household's phone page (/h/[token]) is built on another branch. Its contract: the page lists
// the waiting visit with buttons named 批准 / 拒绝, in form actions `?/approve` and `?/refuse` with
// a hidden `visit` field holding the visit's id. Turn these on once it is merged.
test.fixme('the host approves on their phone: the pass appears on the kiosk, and signs out once', async ({
	page,
	browser,
	baseURL
}) => {
	const where = home(31);
	await pairDemo(page, 'kiosk');
	await registerFirstVisit(page, where, {
		name: '皇甫嵩',
		phone: '13700310001',
		idNumber: residentId('11010119700303890')
	});
	const text = await hostText(baseURL, where.phones, '皇**');
	const host = await (await browser.newContext()).newPage();
	await host.goto(hostLinkIn(text.text) ?? '');
	await host.getByRole('button', { name: '批准' }).click();

	await expect(page.getByRole('heading', { level: 1 })).toHaveText('访客通行证');
	const pass = (await page.getByTestId('visit-pass-number').textContent()) ?? '';
	expect(pass).toMatch(/^V-\d{8}-\d{3}$/);
	await expect(page.getByTestId('visit-pass-name')).toHaveText('皇**');
	await expect(page.getByTestId('visit-pass-home')).toHaveText(where.zh);
	await expect(page.getByRole('img', { name: '通行证二维码' })).toBeVisible();
	await expect(page.locator('[data-qr-text]')).toHaveAttribute('data-qr-text', pass);
	await expect(page.getByRole('button', { name: '打印通行证' })).toBeVisible();
	await host.context().close();

	await page.getByRole('link', { name: '返回首页' }).click();
	await page.getByRole('link', { name: /访客签离/ }).click();
	await page.getByLabel('通行证号').fill(pass.toLowerCase());
	await page.getByLabel('通行证号').press('Enter');
	await expect(page.getByRole('status')).toContainText('您已签离，谢谢来访');
	await expect(page.getByTestId('signed-out-pass')).toHaveText(pass);
	await page.getByRole('link', { name: '签离另一张' }).click();
	await page.getByLabel('通行证号').fill(pass);
	await page.getByLabel('通行证号').press('Enter');
	await expect(page.locator('#pass-error')).toHaveText('这张通行证已经签离或已失效');
});

test.fixme('the host declines: the kiosk says so, and where to ask', async ({
	page,
	browser,
	baseURL
}) => {
	const where = home(30);
	await pairDemo(page, 'kiosk');
	await registerFirstVisit(page, where, {
		name: '诸葛瑾',
		phone: '13700310002',
		idNumber: residentId('11010119710404901')
	});
	const text = await hostText(baseURL, where.phones, '诸**');
	const host = await (await browser.newContext()).newPage();
	await host.goto(hostLinkIn(text.text) ?? '');
	await host.getByRole('button', { name: '拒绝' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('住户未同意');
	await expect(page.getByTestId('visit-outcome')).toContainText('如果您认为有误，请到服务台咨询');
	await host.context().close();
});
