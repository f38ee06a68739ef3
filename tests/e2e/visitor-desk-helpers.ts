import type { Page } from '@playwright/test';
import { demoResidents } from '../../src/lib/server/demo-seed.js';
import { demoHome, pairDemo } from './helpers.js';

// Visitors for the desk's browser tests: fresh people, registered through the kiosk's form.

/** A resident ID number nobody else uses, with its right check character (GB 11643). */
export function freshResidentId(): string {
	const n = (max: number) => Math.floor(Math.random() * max);
	const pad = (v: number, width: number) => String(v).padStart(width, '0');
	const first17 = `440305${1960 + n(40)}${pad(1 + n(12), 2)}${pad(1 + n(28), 2)}${pad(n(1000), 3)}`;
	const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
	const sum = [...first17].reduce((s, d, i) => s + Number(d) * (weights[i] ?? 0), 0);
	return first17 + ('10X98765432'[sum % 11] ?? '');
}

const HAN = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥';
const pick = () => HAN[Math.floor(Math.random() * HAN.length)] ?? '甲';
/** A visitor's name no other test uses (names carry no digits). */
export const freshName = () => `访客${pick()}${pick()}${pick()}`;

/**
 * A first-time visitor registers at the kiosk (the kiosk's visitor form: fields 姓名, 手机号码,
 * 证件类型, 证件号码, 拜访住户, 住户姓氏, 来访事由, 人数, and 提交登记), and waits. Returns the
 * visit's id from the waiting page's address.
 */
export async function registerAtKiosk(
	page: Page,
	home: number,
	visitor: { name: string; idNumber: string; phone: string }
): Promise<string> {
	await pairDemo(page, 'kiosk');
	await page.goto('/kiosk/visit/new');
	await page.getByLabel('姓名').fill(visitor.name);
	await page.getByLabel('手机号码').fill(visitor.phone);
	await page.getByRole('radio', { name: '居民身份证' }).check();
	await page.getByLabel('证件号码').fill(visitor.idNumber);
	await page.getByLabel('拜访住户').selectOption({ label: demoHome(home).zh });
	const host = demoResidents(40)[home]?.[0]?.name ?? '';
	await page.getByLabel('住户姓氏').fill([...host][0] ?? '');
	await page.getByRole('radio', { name: '探亲访友' }).check();
	await page.getByRole('button', { name: '提交登记' }).click();
	await page.waitForURL(/\/kiosk\/visit\/[0-9a-f-]{36}$/);
	return new URL(page.url()).pathname.split('/').at(-1) ?? '';
}

export const freshPhone = () =>
	`1370${String(Math.floor(Math.random() * 10_000_000)).padStart(7, '0')}`;
