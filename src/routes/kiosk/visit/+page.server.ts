import { kioskOf } from './kiosk-device.js';
import type { PageServerLoad } from './$types';

/** The three ways a visitor comes in; only on a kiosk. */
export const load: PageServerLoad = ({ locals }) => {
	kioskOf(locals);
	return {};
};
