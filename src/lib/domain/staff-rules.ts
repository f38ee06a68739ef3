import { normaliseMobile } from './visitors/visitor-form.js';

/**
 * What a staff account's fields must look like. Each check returns the message key of what is
 * wrong, or null; the pages translate it and show it at the field.
 */

export const PASSWORD_MIN = 8;
const PASSWORD_MAX = 200;
const KNOWN_PASSWORDS = ['lobbydesk', 'password', '12345678', '123456789', 'qwertyui', '11111111'];

export function checkUsername(username: string): 'usernameRequired' | 'usernameFormat' | null {
	if (!username) return 'usernameRequired';
	return /^[a-z][a-z0-9._-]{2,31}$/.test(username) ? null : 'usernameFormat';
}

export function checkDisplayName(
	name: string
): 'displayNameRequired' | 'displayNameTooLong' | null {
	if (!name.trim()) return 'displayNameRequired';
	return name.trim().length > 40 ? 'displayNameTooLong' : null;
}

export function checkNewPassword(
	password: string,
	username: string
): 'passwordTooShort' | 'passwordTooLong' | 'passwordTooPlain' | null {
	if (password.length < PASSWORD_MIN) return 'passwordTooShort';
	if (password.length > PASSWORD_MAX) return 'passwordTooLong';
	const lower = password.toLowerCase();
	if (lower === username.toLowerCase() || KNOWN_PASSWORDS.includes(lower))
		return 'passwordTooPlain';
	return null;
}

/**
 * One's own mobile on record, as typed (spaces, dashes, +86 allowed): stored as its 11 digits, or
 * cleared when left empty. Directors are texted on it when someone calls for help.
 */
export function checkStaffPhone(
	raw: string
): { ok: true; phone: string | null } | { ok: false; error: 'staffPhoneInvalid' } {
	if (!raw.trim()) return { ok: true, phone: null };
	const phone = normaliseMobile(raw);
	return phone ? { ok: true, phone } : { ok: false, error: 'staffPhoneInvalid' };
}
