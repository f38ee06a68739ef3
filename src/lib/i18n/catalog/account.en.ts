import type { Translation } from './translation.js';
import type { zh } from './account.js';

export const en: Translation<typeof zh> = {
	accountTitle: 'My account',
	accountMustChange: 'Please choose your own new password before you continue.',
	accountChangePassword: 'Change password',
	accountCurrentPassword: 'Current password',
	accountNewPassword: 'New password (at least 8 characters)',
	accountConfirmPassword: 'New password again',
	accountPasswordChanged: 'Password changed. You were signed out everywhere else.',
	accountSessions: 'Where you are signed in',
	accountSessionDevice: 'Device',
	accountSessionStarted: 'Signed in',
	accountSessionLastSeen: 'Last used',
	accountThisSession: 'This device',
	accountEndSession: 'Sign out there',
	accountEndOthers: 'Sign out everywhere else',
	accountPhone: 'Mobile',
	accountPhoneLabel: 'My mobile number (optional)',
	accountPhoneHint:
		'Directors get a text on this number when someone calls for help at a kiosk. Owners and colleagues never see it.',
	accountPhoneSave: 'Save mobile number',
	accountPhoneSaved: 'Mobile number saved.',
	staffPhoneInvalid: 'Enter an 11-digit mobile number, or leave it empty',
	passwordCurrentRequired: 'Enter your current password',
	passwordCurrentWrong: 'Your current password is not right',
	passwordTooManyTries: 'Too many tries. Please wait 15 minutes',
	passwordMismatch: 'The two new passwords differ',
	passwordTooShort: 'The new password needs at least 8 characters',
	passwordTooLong: 'The new password is too long',
	passwordTooPlain: 'That password is too easy to guess; choose another'
};
