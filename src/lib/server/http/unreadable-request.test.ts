import { describe, expect, it } from 'vitest';
import { addressUnreadable, formUnreadable, hasStatus } from './unreadable-request.js';

const post = (body: BodyInit | null, type?: string) =>
	new Request('http://desk.example/kiosk/request/repair', {
		method: 'POST',
		body,
		headers: type ? { 'content-type': type } : {}
	});

const FORM = 'application/x-www-form-urlencoded';
const MULTIPART = 'multipart/form-data; boundary=XX';
const part = (name: string, value: string) =>
	`--XX\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;

describe('requests no page sends', () => {
	it('include a NUL anywhere in the address', () => {
		expect(addressUnreadable(new URL('http://d.example/console/tickets/R-1%00'))).toBe(true);
		expect(addressUnreadable(new URL('http://d.example/console/tickets?q=a%00b'))).toBe(true);
		expect(addressUnreadable(new URL('http://d.example/console/tickets/R-1%2500'))).toBe(false);
		expect(addressUnreadable(new URL('http://d.example/console/tickets?q=%E6%BC%8F'))).toBe(false);
	});

	it('include a NUL in a form, percent-encoded or raw', async () => {
		expect(await formUnreadable(post('description=a%00b', FORM))).toBe(400);
		expect(await formUnreadable(post('description=a\0b', FORM))).toBe(400);
		expect(await formUnreadable(post(part('note', 'a\0b') + '--XX--\r\n', MULTIPART))).toBe(400);
	});

	it('include forms sent as text and multipart bodies that do not parse', async () => {
		expect(await formUnreadable(post('description=leak', 'text/plain'))).toBe(415);
		expect(await formUnreadable(post(null, 'text/plain'))).toBe(415);
		expect(await formUnreadable(post(part('note', 'x'), MULTIPART))).toBe(400);
		expect(
			await formUnreadable(post(part('note', 'x') + '--XX--\r\n', 'multipart/form-data'))
		).toBe(400);
	});

	it('leave every form a page sends alone, whatever text it holds', async () => {
		const hostile = new URLSearchParams({
			description: "<script>alert(1)</script> '; drop table tickets;-- \u202E 😀 %00"
		});
		expect(await formUnreadable(post(hostile, FORM))).toBeNull();
		expect(await formUnreadable(post(part('note', '漏水') + '--XX--\r\n', MULTIPART))).toBeNull();
		expect(await formUnreadable(post(null, FORM))).toBeNull();
		// Not a form: the route decides (Kit refuses it for actions with a 415).
		expect(await formUnreadable(post('{"a":1}', 'application/json'))).toBeNull();
	});

	it('leave the body for the action to read', async () => {
		const request = post('description=%E6%BC%8F', FORM);
		await formUnreadable(request);
		expect((await request.formData()).get('description')).toBe('漏');
	});

	it('keep the status of an error that has one', () => {
		expect(hasStatus({ status: 413 })).toBe(true);
		expect(hasStatus(new TypeError('Failed to parse body as FormData.'))).toBe(false);
		expect(hasStatus(null)).toBe(false);
	});
});
