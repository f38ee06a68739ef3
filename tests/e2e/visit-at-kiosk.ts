import { expect, type Page } from '@playwright/test';
import { demoResidents } from '../../src/lib/server/demo-seed.js';
import { demoHome, pairDemo } from './helpers.js';
import { hostLinkIn, sentTexts } from './sms-outbox.js';

/**
 * A first-time visitor registers at the kiosk (姓名, 手机号码, 证件类型 tiles, 证件号码, 拜访住户,
 * 住户姓氏, 来访事由 tiles, 提交登记), and the host's text arrives in the test server's outbox.
 * Returns the household page's path from that text.
 */

const PORT = Number(process.env.E2E_PORT ?? 4173);
const people = demoResidents(40);

/** The home's first resident: the phone the text goes to, and the surname the visitor gives. */
export function hostOf(home: number): { phone: string; surname: string } {
	const person = people[home]?.[0];
	if (!person) throw new Error(`no demo home ${home}`);
	return { phone: person.phone, surname: [...person.name][0] ?? '' };
}

const textsTo = (phone: string) => sentTexts(PORT).filter((t) => t.to === phone);

export interface Visitor {
	name: string;
	phone: string;
	idNumber: string;
}

export async function registerAtKiosk(
	kiosk: Page,
	home: number,
	visitor: Visitor
): Promise<string> {
	const host = hostOf(home);
	const before = textsTo(host.phone).length;
	await pairDemo(kiosk, 'kiosk');
	await kiosk.goto('/kiosk/visit/new');
	await kiosk.getByLabel('姓名', { exact: true }).fill(visitor.name);
	await kiosk.getByLabel('手机号码', { exact: true }).fill(visitor.phone);
	await kiosk.getByRole('radio', { name: '居民身份证' }).check();
	await kiosk.getByLabel('证件号码', { exact: true }).fill(visitor.idNumber);
	await kiosk.getByLabel('拜访住户').selectOption({ label: demoHome(home).zh });
	await kiosk.getByLabel('住户姓氏').fill(host.surname);
	await kiosk.getByRole('radio', { name: '探亲访友' }).check();
	await kiosk.getByRole('button', { name: '提交登记' }).click();
	await kiosk.waitForURL(/\/kiosk\/visit\/[0-9a-f-]{36}$/);
	await expect.poll(() => textsTo(host.phone).length).toBeGreaterThan(before);
	const link = hostLinkIn(textsTo(host.phone).at(-1)?.text ?? '');
	if (!link) throw new Error('the host’s text has no household link');
	return link;
}
