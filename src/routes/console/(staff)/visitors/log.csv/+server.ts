import { error } from '@sveltejs/kit';
import { siteDate } from '#lib/domain/release-pass.js';
import { parseLogQuery, type FieldSource } from '#lib/domain/visitors/visitor-log-query.js';
import { messagesFor } from '#lib/i18n/messages.js';
import { requirePermission } from '#lib/server/auth/guard.js';
import { hasStatus } from '#lib/server/http/unreadable-request.js';
import { app } from '#lib/server/runtime.js';
import { visitorLogCsv } from '#lib/server/visitors/visitor-log.js';
import type { RequestHandler } from './$types';

/**
 * The visitor log's export: the search of the log page, posted from its form (so an ID number
 * never travels in an address), or dates, home, name and phone in the address for a link. A
 * file in the reader's language, for Excel (UTF-8 with a BOM).
 */
async function exportLog(event: Parameters<RequestHandler>[0], fields: FieldSource) {
	const { db } = app();
	const { locals, url } = event;
	const { site } = await requirePermission(db, locals, url, 'visitors.export');
	const m = messagesFor(locals.locale);
	const parsed = parseLogQuery(fields, siteDate(new Date(), site.timeZone));
	if (!parsed.ok) error(400, { message: m.visitLogFilterWrong });
	const body = await visitorLogCsv(db, site, parsed.query, m);
	const name = `visitor-log-${parsed.query.from}-${parsed.query.to}.csv`;
	return new Response(body, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="${name}"`,
			'Cache-Control': 'no-store'
		}
	});
}

/** An address carries no ID number: one there is ignored, not searched (nor logged by us). */
const withoutId = (params: URLSearchParams): FieldSource => ({
	get: (name) => (name === 'idNumber' ? null : params.get(name))
});

export const GET: RequestHandler = (event) => exportLog(event, withoutId(event.url.searchParams));

/** The log page's form; a body that is not one (JSON, no type at all) is the request's fault. */
export const POST: RequestHandler = async (event) => {
	const form = await event.request.formData().catch((cause: unknown) => {
		if (hasStatus(cause)) throw cause;
		error(415, { message: messagesFor(event.locals.locale).errorUnreadable });
	});
	return exportLog(event, form);
};
