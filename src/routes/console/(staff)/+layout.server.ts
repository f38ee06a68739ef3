import { can } from '#lib/domain/access.js';
import { FEED_LENGTH } from '#lib/realtime/stream.js';
import { requireStaff } from '#lib/server/auth/guard.js';
import { loadSnapshot, recentEvents } from '#lib/server/realtime/projections.js';
import { app } from '#lib/server/runtime.js';
import { sitesOfStaff } from '#lib/server/sites.js';
import { lockedHomes } from '#lib/server/kiosk.js';
import { deskAlert } from '#lib/server/visitors/desk-views.js';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, url }) => {
	const user = requireStaff(locals, url);
	const { db } = app();
	const [current] = await sitesOfStaff(db, user.id);
	const role = current?.role ?? null;
	// Someone who must first choose a password gets no live connection until they have.
	const live = current && can(role, 'stream.staff') && !user.mustChangePassword;
	const desk = live && can(role, 'visitors.desk');
	// Customer service is where a kiosk sends an owner whose home it locked.
	const locks = live && can(role, 'ticket.file');
	const [board, feed, visitorDesk, homeLocks] = live
		? await Promise.all([
				loadSnapshot(db, current.site.id, 'staff'),
				recentEvents(db, current.site.id, FEED_LENGTH),
				desk ? deskAlert(db, current.site.id) : null,
				locks ? lockedHomes(db, current.site.id) : null
			])
		: [null, [], null, null];
	return {
		/** The open tickets and latest changes the live connection starts from. */
		board,
		feed,
		/** Visits waiting, and those the desk must decide: the nav's badge and the desk alert. */
		visitorDesk,
		/** Homes the kiosks have locked (wrong phone digits), for the desk's notice; null: not shown. */
		homeLocks,
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
			claim: can(role, 'ticket.claim'),
			takeEmergency: can(role, 'emergency.take'),
			readTickets: can(role, 'ticket.read'),
			fileTickets: can(role, 'ticket.file'),
			followUp: can(role, 'ticket.follow_up'),
			decidePasses: can(role, 'pass.decide'),
			checkPasses: can(role, 'pass.check'),
			manageClocks: can(role, 'clocks.manage'),
			visitorDesk: can(role, 'visitors.desk'),
			visitorLog: can(role, 'visitors.log'),
			visitorBlocks: can(role, 'visitors.block')
		}
	};
};
