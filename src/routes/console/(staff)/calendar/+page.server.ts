import { fail } from '@sveltejs/kit';
import {
	formatWindows,
	isCalendarDay,
	readDayForm,
	readHoursForm,
	WEEKDAYS
} from '#lib/domain/clocks/calendar-form.js';
import { parseIcsDays } from '#lib/domain/clocks/ics-days.js';
import { siteDateKey } from '#lib/domain/site-time.js';
import { requirePermission } from '#lib/server/auth/guard.js';
import { calendarDays, changeCalendar } from '#lib/server/clocks/clock-settings.js';
import { app } from '#lib/server/runtime.js';
import type { Actions, PageServerLoad } from './$types';

/** A yearly calendar is a few kilobytes; anything near the server's body limit is not one. */
const MAX_ICS_BYTES = 400_000;
/** A year's national calendar is a few dozen days; more is not a holiday list. */
const MAX_IMPORT_DAYS = 400;

async function formValues(request: Request): Promise<Record<string, string>> {
	const values: Record<string, string> = {};
	for (const [name, value] of await request.formData()) {
		if (typeof value === 'string') values[name] = value;
	}
	return values;
}

async function manager({ locals, url }: { locals: App.Locals; url: URL }) {
	const { db } = app();
	const { site, user } = await requirePermission(db, locals, url, 'clocks.manage');
	return { db, site, user };
}

export const load: PageServerLoad = async (event) => {
	const { db, site } = await manager(event);
	const thisYear = siteDateKey(new Date(), site.timeZone).slice(0, 4);
	const hours = Object.fromEntries(
		WEEKDAYS.map((d) => [`hours.${d}`, formatWindows(site.workingHours[d])])
	);
	const days = (await calendarDays(db, site.id)).filter((d) => d.day >= `${thisYear}-01-01`);
	const nextYear = Number(thisYear) + 1;
	return {
		hours,
		days,
		// The national calendar for next year is announced late in the year: say when it is missing.
		missingYear: days.some((d) => d.day.startsWith(`${nextYear}-`)) ? null : nextYear
	};
};

export const actions: Actions = {
	hours: async (event) => {
		const { db, site, user } = await manager(event);
		const values = await formValues(event.request);
		const read = readHoursForm(values);
		if (!read.ok) return fail(400, { form: 'hours', errors: read.errors, values });
		const done = await changeCalendar(db, site.id, user.id, { kind: 'hours', hours: read.hours });
		return { saved: done.tickets };
	},
	day: async (event) => {
		const { db, site, user } = await manager(event);
		const values = await formValues(event.request);
		const read = readDayForm(values);
		if (!read.ok) return fail(400, { form: 'day', errors: read.errors, values });
		const { day, kind, name } = read;
		const done = await changeCalendar(db, site.id, user.id, {
			kind: 'set_day',
			day: { day, kind, name }
		});
		return { saved: done.tickets };
	},
	remove: async (event) => {
		const { db, site, user } = await manager(event);
		const { day = '' } = await formValues(event.request);
		if (!isCalendarDay(day)) return fail(400, { form: 'remove' });
		const done = await changeCalendar(db, site.id, user.id, { kind: 'remove_day', day });
		return { saved: done.tickets };
	},
	import: async (event) => {
		const { db, site, user } = await manager(event);
		const file = (await event.request.formData()).get('file');
		if (!(file instanceof File) || file.size === 0) {
			return fail(400, { form: 'import', importError: 'calendarImportEmpty' as const });
		}
		if (file.size > MAX_ICS_BYTES) {
			return fail(400, { form: 'import', importError: 'calendarImportTooBig' as const });
		}
		const { days } = parseIcsDays(await file.text());
		if (days.length === 0) {
			return fail(400, { form: 'import', importError: 'calendarImportEmpty' as const });
		}
		if (days.length > MAX_IMPORT_DAYS) {
			return fail(400, { form: 'import', importError: 'calendarImportTooMany' as const });
		}
		const done = await changeCalendar(db, site.id, user.id, { kind: 'import', days });
		return { imported: { days: days.length, tickets: done.tickets } };
	}
};
