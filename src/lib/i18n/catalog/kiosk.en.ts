import type { Translation } from './translation.js';
import type { zh } from './kiosk.js';

export const en: Translation<typeof zh> = {
	kioskWelcome: 'Welcome. What can we help you with?',
	kioskEmergency: 'Emergency help',
	kioskEmergencyHint: 'Medical, fire, flooding, security',
	kioskVisitor: "I'm visiting",
	kioskNotPaired: 'This kiosk is not paired yet. Please ask the property office.',
	kioskStepIdentity: '1. Your home',
	kioskStepRequest: '2. Your request',
	kioskBuilding: 'Building',
	kioskEntrance: 'Entrance',
	kioskRoom: 'Room',
	kioskChoose: 'Choose',
	kioskPhoneLast4: 'Last 4 digits of your phone on record',
	kioskCategory: 'Category',
	kioskDescription: 'What is the matter?',
	kioskPreferredAt: 'Preferred visit time (optional)',
	kioskSubmit: 'Send',
	kioskBack: 'Back to the start',
	kioskDoneTitle: 'We have your request',
	kioskDoneNumber: 'Your request number',
	kioskDoneNext:
		'A customer-service assistant will take it on and contact you. Quote this number if you ask about it.',
	kioskIdleTitle: 'Still there?',
	kioskIdleBody: (p) =>
		`In ${p.seconds} s this screen returns to the start and forgets what was typed.`,
	kioskIdleContinue: 'Touch to continue',
	unitRequired: 'Choose your home',
	phoneLast4Format: 'Enter 4 digits',
	identityWrong: 'That home and phone do not match. Try again, or ask at the desk',
	unitLocked: (p) =>
		`Too many tries for this home. It is locked for ${p.minutes} more ${p.minutes === 1 ? 'minute' : 'minutes'}: try again then, or ask at the desk`,
	categoryRequired: 'Choose a category',
	descriptionRequired: 'Say briefly what the matter is',
	descriptionTooShort: 'Please write a little more',
	descriptionTooLong: 'At most 500 characters',
	preferredAtInvalid: 'That is not a time',
	preferredAtPast: 'Choose a time still to come',
	preferredAtTooFar: 'Choose a time within 30 days',
	kioskPageGone: 'This page is no longer available. Please start again from the home screen.',
	kioskVisitSignOutTile: 'Visitor sign-out',
	kioskVisitSignOutTileHint: 'Scan or type your pass number as you leave',
	kioskVisitTileHint: 'Register, and get your pass once your host agrees'
};
