import { error, redirect } from '@sveltejs/kit';
import { can, type Action } from '../../domain/access.js';
import type { StaffRole } from '../../domain/vocabulary.js';
import { messagesFor } from '../../i18n/messages.js';
import type { Queryable } from '../db/client.js';
import { sitesOfStaff, type Site } from '../sites.js';
import type { SessionUser } from './session.js';

const ACCOUNT_PAGE = '/console/account';

/**
 * Every staff page load and action calls this itself; a layout check alone is not enough.
 * Someone who must change their password is sent to do that first.
 */
export function requireStaff(locals: App.Locals, url: URL): SessionUser {
	if (!locals.user) {
		redirect(303, `/console/sign-in?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
	}
	if (locals.user.mustChangePassword && url.pathname !== ACCOUNT_PAGE) {
		redirect(303, ACCOUNT_PAGE);
	}
	return locals.user;
}

export interface StaffAtSite {
	user: SessionUser;
	site: Site;
	role: StaffRole;
}

/** The staff member, their site and role, refused with 403 unless the role may do `action`. */
export async function requirePermission(
	db: Queryable,
	locals: App.Locals,
	url: URL,
	action: Action
): Promise<StaffAtSite> {
	const user = requireStaff(locals, url);
	const [current] = await sitesOfStaff(db, user.id);
	if (!current || !can(current.role, action)) {
		error(403, { message: messagesFor(locals.locale).errorForbidden });
	}
	return { user, site: current.site, role: current.role };
}
