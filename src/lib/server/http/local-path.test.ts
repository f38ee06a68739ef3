import { describe, expect, it } from 'vitest';
import { localPath } from './local-path.js';

const base = new URL('http://desk.example/console/sign-in');

describe('local paths to return to', () => {
	it.each([
		['/display', '/display'],
		['/console?tab=mine#top', '/console?tab=mine#top'],
		['/console/../kiosk', '/kiosk']
	])('keep %s', (input, expected) => {
		expect(localPath(input, base, '/')).toBe(expected);
	});

	it.each([
		'//evil.example/',
		'/\\evil.example',
		'/\\/evil.example',
		'https://evil.example/',
		'javascript:alert(1)',
		'',
		null,
		42
	])('refuse %s', (input) => {
		expect(localPath(input, base, '/fallback')).toBe('/fallback');
	});
});
