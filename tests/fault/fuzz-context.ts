import postgres from 'postgres';
import { postAction } from '../helpers/app-http.js';
import { hostLinkIn, sentTexts } from '../e2e/sms-outbox.js';
import { fileRepair, homes, pairDemoDevice, type Home } from './kiosk-client.js';

/**
 * What the fuzz needs to reach past each form's first checks: every credential (a paired kiosk
 * and display, a session per staff role, an owner's and a household's link) and real ids to put
 * in the fields (homes, tickets, visits, passes…), so hostile text lands in the writes behind.
 */

export const STAFF = ['assistant', 'supervisor', 'director', 'guard', 'admin'] as const;
/** Sessions of their own for the account page and sign-out: ending them harms no other target. */
export const OWN_SESSIONS = ['account', 'signOut'] as const;
export type Credential =
	| 'none'
	| 'kiosk'
	| 'display'
	| (typeof STAFF)[number]
	| (typeof OWN_SESSIONS)[number]
	| 'owner'
	| 'household';

export const PASSWORD = 'lobbydesk';

export interface FuzzContext {
	baseURL: string;
	/** The cookie header each credential sends; '' for none and for the link pages. */
	cookies: Record<Credential, string>;
	ownerToken: string;
	householdToken: string;
	/** Homes the fuzz may lock by guessing (the inert checks keep others for themselves). */
	homes: Home[];
	buildingIds: string[];
	serials: string[];
	ticketIds: string[];
	visitIds: string[];
	passIds: string[];
	blockIds: string[];
	inviteCodes: string[];
	passNumbers: string[];
	/** A staff member and a device made for the fuzz: disabling or revoking them harms nothing. */
	spareUserId: string;
	spareDeviceId: string;
	/** The clock policy form's field names. */
	clockFields: string[];
}

/** A form post as the browser's enhanced form sends it. */
export const postForm = postAction;

/** Signs in over HTTP as the console's form does; returns the session cookie. */
export async function staffSession(baseURL: string, username: string): Promise<string> {
	const response = await postForm(baseURL, '/console/sign-in', { username, password: PASSWORD });
	const cookie = /lobbydesk_session=[^;]+/.exec(response.headers.get('set-cookie') ?? '')?.[0];
	if (!cookie) throw new Error(`sign-in as ${username} failed: ${response.status}`);
	return cookie;
}

/** A first-time visitor registered at the kiosk for `home`, visiting its first resident. */
export async function registerVisit(
	baseURL: string,
	kiosk: string,
	home: { unitId: string; surname: string },
	visitor: { name: string; phone: string; idNumber: string; purposeText?: string }
): Promise<Response> {
	return postForm(
		baseURL,
		'/kiosk/visit/new',
		{
			name: visitor.name,
			phone: visitor.phone,
			idType: 'passport',
			idNumber: visitor.idNumber,
			unitId: home.unitId,
			hostSurname: home.surname,
			purpose: visitor.purposeText ? 'other' : 'visit_family',
			purposeText: visitor.purposeText ?? '',
			party: '1',
			idempotencyKey: crypto.randomUUID()
		},
		kiosk
	);
}

/** Each home's unit and the surname of its first resident, as a visitor names the host. */
export async function hosts(databaseUrl: string): Promise<{ unitId: string; surname: string }[]> {
	const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
	try {
		const rows = await sql<{ unit_id: string; name: string }[]>`
			select distinct on (h.unit_id) h.unit_id, r.name
			from households h join residents r on r.household_id = h.id
			where h.moved_out_on is null
			order by h.unit_id, r.is_primary_contact desc, r.name`;
		return rows.map((r) => ({ unitId: r.unit_id, surname: [...r.name][0] ?? '' }));
	} finally {
		await sql.end();
	}
}

/** The owner's phone link from the kiosk's receipt of `serial`. */
export async function ownerToken(baseURL: string, kiosk: string, serial: string): Promise<string> {
	const page = await fetch(new URL(`/kiosk/done/${encodeURIComponent(serial)}`, baseURL), {
		headers: { cookie: kiosk }
	});
	const token = /data-owner-link="[^"]*\/o\/([^"]+)"/.exec(await page.text())?.[1];
	if (!token) throw new Error(`no owner link on the receipt of ${serial}`);
	return token;
}

/** The household link texted to the host of the latest visit to `phone`'s home. */
export async function householdToken(port: number, before: number): Promise<string> {
	for (let i = 0; i < 50; i++) {
		const texts = sentTexts(port).slice(before);
		const link = texts.map((t) => hostLinkIn(t.text)).find(Boolean);
		if (link) return link.slice('/h/'.length);
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error('no household link was texted');
}

/**
 * Pairs, signs in and files what the fuzz works on. `port` is the server's (its SMS outbox is
 * `smsOutboxPath(port)`).
 */
export async function prepare(
	baseURL: string,
	port: number,
	databaseUrl: string,
	keep: number
): Promise<FuzzContext> {
	const kiosk = await pairDemoDevice(baseURL, 'kiosk');
	const display = await pairDemoDevice(baseURL, 'display');
	const sessions = await Promise.all(STAFF.map((role) => staffSession(baseURL, role)));
	const cookies = {
		none: '',
		kiosk,
		display,
		owner: '',
		household: '',
		account: await staffSession(baseURL, 'engineer'),
		signOut: await staffSession(baseURL, 'engineer'),
		...Object.fromEntries(STAFF.map((role, i) => [role, sessions[i] ?? '']))
	} as Record<Credential, string>;

	const all = await homes(databaseUrl);
	const fuzzHomes = all.slice(0, all.length - keep);
	const serials = await Promise.all(
		fuzzHomes
			.slice(0, 3)
			.map((home) =>
				fileRepair(baseURL, kiosk, { home, key: crypto.randomUUID(), description: '水管漏水了' })
			)
	);
	const before = sentTexts(port).length;
	const [host] = await hosts(databaseUrl);
	if (!host) throw new Error('no demo home');
	await registerVisit(baseURL, kiosk, host, {
		name: '李四',
		phone: '13800001111',
		idNumber: 'E12345678'
	});
	const household = await householdToken(port, before);
	await postForm(
		baseURL,
		'/console/staff?/create',
		{ username: 'fuzzspare', displayName: '备用', role: 'guard' },
		cookies.admin
	);
	await postForm(
		baseURL,
		'/console/devices?/register',
		{ name: '备用终端', kind: 'kiosk' },
		cookies.admin
	);
	const clocksPage = await fetch(new URL('/console/clocks', baseURL), {
		headers: { cookie: cookies.director }
	});
	const clockFields = [
		...new Set([...(await clocksPage.text()).matchAll(/name="([\w.]+)"/g)].map((m) => m[1] ?? ''))
	];

	const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
	try {
		const ids = async (query: Promise<{ v: string | null }[]>) =>
			(await query).flatMap((r) => (r.v ? [r.v] : []));
		return {
			baseURL,
			cookies,
			ownerToken: await ownerToken(baseURL, kiosk, serials[0] ?? ''),
			householdToken: household,
			homes: fuzzHomes,
			buildingIds: await ids(sql`select id as v from buildings`),
			serials: await ids(sql`select serial as v from tickets order by created_at desc limit 10`),
			ticketIds: await ids(
				sql`select id::text as v from tickets order by created_at desc limit 10`
			),
			visitIds: await ids(sql`select id::text as v from visits limit 10`),
			passIds: await ids(sql`select id::text as v from release_passes limit 10`),
			blockIds: await ids(sql`select id::text as v from visitor_blocks limit 10`),
			inviteCodes: await ids(sql`select invite_code as v from visits limit 10`),
			passNumbers: await ids(sql`select pass_number as v from visits limit 10`),
			spareUserId:
				(await ids(sql`select id::text as v from staff_users where username = 'fuzzspare'`))[0] ??
				'',
			spareDeviceId:
				(await ids(sql`select id::text as v from devices where name = '备用终端'`))[0] ?? '',
			clockFields
		};
	} finally {
		await sql.end();
	}
}
