import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { buildings, sites, units } from '../db/schema/index.js';
import { SYSTEM } from '../event-log.js';
import { mintHouseholdLink } from '../household-links.js';
import type { SmsSender } from '../notify/sms.js';
import type { HostToAsk, Visit } from './register-visit.js';
import { appendVisitEvent } from './visit-events.js';
import { consentMinutes } from '../../domain/site-settings.js';

/** The visitor's name as the host reads it: the surname and a mask (王**). */
export function maskedName(name: string): string {
	const chars = [...name];
	if (/^\p{Script=Han}/u.test(name)) return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
	const [first = ''] = name.split(' ');
	return `${first} *`;
}

/**
 * Asks the household, once the visit is committed: a fresh link to its phone page, texted to
 * each phone on file. Sending is best effort (the desk takes over when the host's time is up,
 * whether the text went or not), and what happened is recorded without any number.
 */
export async function askHost(
	db: Database,
	input: {
		visit: Visit;
		ask: HostToAsk;
		origin: string;
		send: SmsSender;
		consentSeconds?: number;
	},
	now = new Date()
): Promise<{ sent: number }> {
	const { visit, ask } = input;
	const [where] = await db
		.select({
			siteName: sites.name,
			settings: sites.settings,
			building: buildings.code,
			entrance: units.entrance,
			room: units.room
		})
		.from(units)
		.innerJoin(buildings, eq(buildings.id, units.buildingId))
		.innerJoin(sites, eq(sites.id, units.siteId))
		.where(eq(units.id, visit.unitId));
	const link = await mintHouseholdLink(db, ask.householdId, now);
	const minutes = Math.max(1, Math.round(consentMinutes(where?.settings, input.consentSeconds)));
	const text =
		`【${where?.siteName ?? ''}】访客${maskedName(visit.name ?? '')}（${visit.party}人）来访` +
		`${where?.building ?? ''}栋${where?.entrance ?? ''}单元${where?.room ?? ''}，` +
		`请确认是否同意进入：${input.origin}/h/${link.token}` +
		`（${minutes}分钟内未答复，前台将电话联系您）`;
	const results = await Promise.all([...new Set(ask.phones)].map((to) => input.send({ to, text })));
	const sent = results.filter(Boolean).length;
	await appendVisitEvent(db, {
		siteId: visit.siteId,
		type: 'visit.host_notified',
		actor: SYSTEM,
		data: { visitId: visit.id, status: visit.status, phones: ask.phones.length, sent },
		at: now
	});
	return { sent };
}
