import { describe, expect, it } from 'vitest';
import { checkDisplayName, checkNewPassword, checkUsername } from './staff-rules.js';

describe('staff account rules', () => {
	it.each([
		['', 'usernameRequired'],
		['ab', 'usernameFormat'],
		['Wang', 'usernameFormat'],
		['1abc', 'usernameFormat'],
		['wang fang', 'usernameFormat'],
		['wangfang', null],
		['li.shifu-2', null]
	])('user name %j → %s', (name, expected) => {
		expect(checkUsername(name)).toBe(expected);
	});

	it('needs a display name of at most 40 characters', () => {
		expect(checkDisplayName('  ')).toBe('displayNameRequired');
		expect(checkDisplayName('王'.repeat(41))).toBe('displayNameTooLong');
		expect(checkDisplayName('王芳')).toBeNull();
	});

	it.each([
		['short', 'passwordTooShort'],
		['x'.repeat(201), 'passwordTooLong'],
		['lobbydesk', 'passwordTooPlain'],
		['LobbyDesk', 'passwordTooPlain'],
		['assistant', 'passwordTooPlain'],
		['晨光小区2026', null],
		['correct horse battery', null]
	])('new password %j → %s', (password, expected) => {
		expect(checkNewPassword(password, 'assistant')).toBe(expected);
	});
});
