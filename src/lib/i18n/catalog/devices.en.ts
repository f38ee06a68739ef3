import type { Translation } from './translation.js';
import type { zh } from './devices.js';

export const en: Translation<typeof zh> = {
	devicesTitle: 'Kiosks and displays',
	devicesRegister: 'Register a device',
	devicesName: 'Device name',
	devicesKind: 'Kind',
	devicesAudience: 'Shows',
	devicesAudienceLobby: 'Lobby (public, no rooms)',
	devicesAudienceStaffRoom: 'Staff room (with rooms)',
	devicesState: 'State',
	devicesLastSeen: 'Last seen',
	devicesOnline: 'Online',
	devicesOffline: 'Offline',
	devicesUnpaired: 'Not paired',
	devicesRevoked: 'Revoked',
	devicesNewCode: 'New code',
	devicesRevoke: 'Revoke',
	devicesCodeFor: (p) => `Pairing code${p.name ? ` for “${p.name}”` : ''} (valid 10 minutes, once)`,
	devicesCodeHow: 'Open /pair on that device and type this code.',
	deviceNameRequired: 'Give the device a name, such as “Ground-floor kiosk”',
	deviceKindRequired: 'Choose the kind of device',
	pairTitle: 'Pair a device',
	pairIntro: 'Enter the pairing code an administrator made in the console (valid for 10 minutes).',
	pairCode: 'Pairing code',
	pairSubmit: 'Pair',
	pairCodeRequired: 'Enter the pairing code',
	pairCodeFormat: 'A pairing code is 8 letters or digits',
	pairCodeInvalid: 'This code is wrong or has expired. Ask an administrator for a new one',
	pairTooManyTries: 'Too many tries. Please wait 15 minutes',
	pairAlreadyPaired: (p) =>
		`This browser is paired as “${p.name}”. A new code makes it another device.`
};
