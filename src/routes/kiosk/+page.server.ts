import type { PageServerLoad } from './$types';

/** Only a paired kiosk shows the kiosk; anything else is told how to pair. */
export const load: PageServerLoad = ({ locals }) => ({
	paired: locals.device?.kind === 'kiosk',
	pairedAs: locals.device?.kind ?? null
});
