import type { Translation } from './translation.js';
import type { zh } from './display.js';

export const en: Translation<typeof zh> = {
	displayTitle: 'Service board',
	displayOpenTickets: 'Open requests',
	displayNoTickets: 'No open requests right now',
	displayWaiting: 'Waiting',
	displayRevoked: 'This display has been switched off',
	displayVisitors: (p) => `Visitors: ${p.waiting} waiting · ${p.onSite} on site`,
	displayToday: (p) => `Today: ${p.filed} filed · ${p.resolved} resolved`,
	displayMet: (p) => `${p.percent}% on time`,
	displayMetNone: 'On time: —',
	displayBuilding: (p) => `Building ${p.code}`,
	displayEmergencyCalling: 'Staff are on their way',
	displaySoundEnable: 'Tap once to allow the emergency alarm',
	displayStale: (p) => `Link down for ${p.duration}; this may be out of date`,
	displayPage: (p) => `Page ${p.page} of ${p.pages}`
};
