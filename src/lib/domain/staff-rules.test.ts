import { describe, expect, it } from 'vitest';
import {
	checkDisplayName,
	checkNewPassword,
	checkStaffPhone,
	checkUsername
} from './staff-rules.js';

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

	it.each([
		['', { ok: true, phone: null }],
		['   ', { ok: true, phone: null }],
		['138 0013 8000', { ok: true, phone: '13800138000' }],
		['+86 139-0000-1234', { ok: true, phone: '13900001234' }],
		['１３８００１３８０００', { ok: true, phone: '13800138000' }],
		['12800138000', { ok: false, error: 'staffPhoneInvalid' }],
		['010-12345678', { ok: false, error: 'staffPhoneInvalid' }],
		['1380013800', { ok: false, error: 'staffPhoneInvalid' }]
	])('own phone %j → %j', (raw, expected) => {
		expect(checkStaffPhone(raw)).toEqual(expected);
	});
});
