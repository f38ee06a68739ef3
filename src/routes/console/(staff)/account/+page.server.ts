import { fail, redirect } from '@sveltejs/kit';
import { checkNewPassword, checkStaffPhone } from '#lib/domain/staff-rules.js';
import { requireStaff } from '#lib/server/auth/guard.js';
import { app } from '#lib/server/runtime.js';
import {
	changePassword,
	endSessions,
	listSessions,
	ownPhone,
	setOwnPhone
} from '#lib/server/staff.js';
import type { Actions, PageServerLoad } from './$types';

/** One's own sessions and password: every signed-in person, whatever their role. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireStaff(locals, url);
	const [sessions, phone] = await Promise.all([
		listSessions(app().db, user.id),
		ownPhone(app().db, user.id)
	]);
	return {
		mustChangePassword: user.mustChangePassword,
		/** One's own mobile: directors are texted on it when someone calls for help. */
		phone: phone ?? '',
		sessions: sessions.map((s) => ({
			// The id is a hash of the token: safe to show, useless to steal.
			id: s.id,
			current: s.id === locals.session?.id,
			createdAt: s.createdAt,
			lastSeenAt: s.lastSeenAt,
			userAgent: s.userAgent,
			ipAddress: s.ipAddress
		}))
	};
};

export const actions: Actions = {
	endSession: async ({ locals, url, request }) => {
		const user = requireStaff(locals, url);
		const id = String((await request.formData()).get('session') ?? '');
		if (id && id !== locals.session?.id) await endSessions(app().db, user.id, { only: [id] });
		return { ended: true };
	},

	endOthers: async ({ locals, url }) => {
		const user = requireStaff(locals, url);
		if (locals.session) await endSessions(app().db, user.id, { allBut: locals.session.id });
		return { ended: true };
	},

	phone: async ({ locals, url, request }) => {
		const user = requireStaff(locals, url);
		const typed = String((await request.formData()).get('phone') ?? '').slice(0, 40);
		const checked = checkStaffPhone(typed);
		if (!checked.ok) return fail(400, { phoneValue: typed, phoneError: checked.error });
		await setOwnPhone(app().db, { userId: user.id, phone: checked.phone });
		return { phoneSaved: true };
	},

	changePassword: async ({ locals, url, request }) => {
		const user = requireStaff(locals, url);
		const form = await request.formData();
		const current = String(form.get('current') ?? '').slice(0, 300);
		const next = String(form.get('next') ?? '').slice(0, 300);
		const confirm = String(form.get('confirm') ?? '').slice(0, 300);
		const errors = {
			current: current ? undefined : ('passwordCurrentRequired' as const),
			next: checkNewPassword(next, user.username) ?? undefined,
			confirm: next === confirm ? undefined : ('passwordMismatch' as const)
		};
		if (errors.current || errors.next || errors.confirm) return fail(400, { errors });
		if (!locals.session) redirect(303, '/console/sign-in');
		const result = await changePassword(app().db, {
			userId: user.id,
			sessionId: locals.session.id,
			current,
			next
		});
		if (!result.ok && result.error === 'throttled') {
			return fail(429, { errors: { current: 'passwordTooManyTries' as const } });
		}
		if (!result.ok) return fail(400, { errors: { current: 'passwordCurrentWrong' as const } });
		return { passwordChanged: true };
	}
};
