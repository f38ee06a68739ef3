import { forgetShownVisit } from './visit/shown-visit.js';
import type { PageServerLoad } from './$types';

/**
 * Only a paired kiosk shows the kiosk; anything else is told how to pair. Home is where the
 * kiosk forgets the last visitor: their visit's page is no longer its to show.
 */
export const load: PageServerLoad = ({ cookies, locals, url }) => {
	forgetShownVisit(cookies, url);
	return { paired: locals.device?.kind === 'kiosk', pairedAs: locals.device?.kind ?? null };
};
