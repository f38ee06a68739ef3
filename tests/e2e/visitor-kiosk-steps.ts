import { expect, test, type Locator, type Page } from '@playwright/test';
import { demoResidents } from '../../src/lib/server/demo-seed.js';
import { demoHome } from './helpers.js';
import { sentTexts, type SentText } from './sms-outbox.js';

// A visitor's steps at the kiosk, shared by the visitor browser tests (and any test that needs a
// visitor waiting for their host).

const people = demoResidents(40);

/** A demo home with what a visitor knows of it: its label, and its first resident's surname. */
export function home(i: number) {
	const where = demoHome(i);
	const residents = people[i] ?? [];
	return {
		...where,
		surname: [...(residents[0]?.name ?? '')][0] ?? '',
		phones: residents.map((r) => r.phone)
	};
}

/** A valid 居民身份证 number (GB 11643 check character) from its first 17 digits. */
export function residentId(first17: string): string {
	const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
	const sum = [...first17].reduce((s, d, i) => s + Number(d) * (weights[i] ?? 0), 0);
	return first17 + '10X98765432'[sum % 11];
}

export const portOf = (baseURL: string | undefined) => Number(new URL(baseURL ?? '').port);

/** The text the host's household was sent about this visitor (their masked name). */
export async function hostText(baseURL: string | undefined, phones: string[], masked: string) {
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
export class Walkthrough {
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

export interface Visitor {
	name: string;
	phone: string;
	idNumber: string;
	remember?: boolean;
}

/** A first visit from the kiosk's home, in Chinese, counted; ends on the waiting screen. */
export async function registerFirstVisit(page: Page, where: ReturnType<typeof home>, who: Visitor) {
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
