import { fail } from '@sveltejs/kit';
import { checkDisplayName, checkUsername } from '#lib/domain/staff-rules.js';
import { STAFF_ROLES, type StaffRole } from '#lib/domain/vocabulary.js';
import { requirePermission } from '#lib/server/auth/guard.js';
import { normalizeUsername } from '#lib/server/auth/sign-in.js';
import { formId } from '#lib/server/http/form-values.js';
import { app } from '#lib/server/runtime.js';
import { createStaff, listStaff, setStaffDisabled, setStaffRole } from '#lib/server/staff.js';
import type { Actions, PageServerLoad } from './$types';

const isRole = (value: unknown): value is StaffRole =>
	typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);

/** Administrators keep the site's staff: accounts, roles, disabling. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const { db } = app();
	const { site, user } = await requirePermission(db, locals, url, 'staff.manage');
	return { staff: await listStaff(db, site.id), me: user.id };
};

export const actions: Actions = {
	create: async ({ locals, url, request }) => {
		const { db } = app();
		const { site, user } = await requirePermission(db, locals, url, 'staff.manage');
		const form = await request.formData();
		const values = {
			username: normalizeUsername(String(form.get('username') ?? '').slice(0, 64)),
			displayName: String(form.get('displayName') ?? '').slice(0, 100),
			role: String(form.get('role') ?? '')
		};
		const errors: {
			username?: 'usernameRequired' | 'usernameFormat' | 'usernameTaken';
			displayName?: 'displayNameRequired' | 'displayNameTooLong';
			role?: 'roleRequired';
		} = {
			username: checkUsername(values.username) ?? undefined,
			displayName: checkDisplayName(values.displayName) ?? undefined,
			role: isRole(values.role) ? undefined : ('roleRequired' as const)
		};
		if (errors.username || errors.displayName || errors.role || !isRole(values.role)) {
			return fail(400, { create: { values, errors } });
		}
		const created = await createStaff(db, {
			siteId: site.id,
			username: values.username,
			displayName: values.displayName,
			role: values.role,
			actor: { kind: 'staff', staffId: user.id }
		});
		if (!created.ok) {
			return fail(400, { create: { values, errors: { ...errors, username: created.error } } });
		}
		return { created: { username: values.username, password: created.password } };
	},

	role: async ({ locals, url, request }) => {
		const { db } = app();
		const { site, user } = await requirePermission(db, locals, url, 'staff.manage');
		const form = await request.formData();
		const userId = formId(form, 'user');
		const role = form.get('role');
		if (!userId || !isRole(role) || userId === user.id) return fail(400, { roleError: userId });
		await setStaffRole(db, {
			siteId: site.id,
			userId,
			role,
			actor: { kind: 'staff', staffId: user.id }
		});
		return { roleChanged: userId };
	},

	disable: async ({ locals, url, request }) => {
		const { db } = app();
		const { site, user } = await requirePermission(db, locals, url, 'staff.manage');
		const form = await request.formData();
		const userId = formId(form, 'user');
		const disabled = form.get('disabled') === 'true';
		// Nobody locks themselves out by a slip of the finger.
		if (!userId || userId === user.id) return fail(400, { disableError: userId });
		await setStaffDisabled(db, {
			siteId: site.id,
			userId,
			disabled,
			actor: { kind: 'staff', staffId: user.id }
		});
		return { disabledChanged: userId };
	}
};
