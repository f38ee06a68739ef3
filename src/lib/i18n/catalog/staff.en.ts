import type { Translation } from './translation.js';
import type { zh } from './staff.js';

export const en: Translation<typeof zh> = {
	staffTitle: 'Staff accounts',
	staffCreate: 'New staff account',
	staffCreated: (p) =>
		`Created ${p.username}. First password: ${p.password} (shown only now; it must be changed at first sign-in)`,
	staffSaveRole: 'Save',
	staffDisable: 'Disable',
	staffEnable: 'Enable',
	staffDisabled: 'Disabled',
	usernameRequired: 'Enter a user name',
	usernameFormat: 'A user name is 3–32 lower-case letters, digits or . _ -, starting with a letter',
	usernameTaken: 'That user name is taken',
	displayNameRequired: 'Enter the name',
	displayNameTooLong: 'A name has at most 40 characters',
	roleRequired: 'Choose a role'
};
