import { can } from '#lib/domain/access.js';
import { requireStaff } from '#lib/server/auth/guard.js';
import { app } from '#lib/server/runtime.js';
import { sitesOfStaff } from '#lib/server/sites.js';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, url }) => {
	const user = requireStaff(locals, url);
	const [current] = await sitesOfStaff(app().db, user.id);
	const role = current?.role ?? null;
	return {
		user: { displayName: user.displayName, username: user.username },
		site: current
			? {
					id: current.site.id,
					name: current.site.name,
					nameEn: current.site.nameEn,
					timeZone: current.site.timeZone
				}
			: null,
		role,
		/** Which console pages to offer; each page checks again for itself. */
		may: {
			manageStaff: can(role, 'staff.manage'),
			manageDevices: can(role, 'device.manage'),
			claim: can(role, 'ticket.claim')
		}
	};
};
