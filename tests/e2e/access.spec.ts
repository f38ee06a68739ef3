import { expect, test } from '@playwright/test';
import { ACCESS, ACTIONS, type Action } from '../../src/lib/domain/access.js';
import { STAFF_ROLES, type StaffRole } from '../../src/lib/domain/vocabulary.js';
import { openSocket, postForm, sessionCookie, subscribe } from './helpers.js';

// Every cell of the access matrix, asked of the running server the way a browser asks it.

const allowed = (role: StaffRole, action: Action) =>
	(ACCESS[action] as readonly StaffRole[]).includes(role);

type Request = import('@playwright/test').APIRequestContext;

/** No ticket has this number: allowed roles are told it is not found (404), others 403. */
const NO_TICKET = '/console/tickets/R-19990101-999';

function ticketActionProbe(formAction: string) {
	return async (cookie: string, baseURL: string, request: Request) => {
		const response = await postForm(request, baseURL, `${NO_TICKET}?/${formAction}`, {}, cookie);
		expect([404, 403]).toContain(response.status());
		return response.status() === 404;
	};
}

async function pageProbe(path: string, cookie: string, request: Request, whenAllowed = 200) {
	const status = (await request.get(path, { headers: { cookie }, maxRedirects: 0 })).status();
	expect([whenAllowed, 403]).toContain(status);
	return status === whenAllowed;
}

/** How each action is tried, and what the server's answer means. */
const PROBES: Record<
	Action,
	(
		cookie: string,
		baseURL: string,
		request: import('@playwright/test').APIRequestContext
	) => Promise<boolean>
> = {
	'console.open': async (cookie, _, request) =>
		(await request.get('/console', { headers: { cookie }, maxRedirects: 0 })).status() === 200,
	'archive.read': async (cookie, _, request) => {
		const html = await (await request.get('/console', { headers: { cookie } })).text();
		return html.includes('需特别关照的住户');
	},
	'staff.manage': async (cookie, _, request) => {
		const status = (
			await request.get('/console/staff', { headers: { cookie }, maxRedirects: 0 })
		).status();
		expect([200, 403]).toContain(status);
		return status === 200;
	},
	'device.manage': async (cookie, _, request) => {
		const status = (
			await request.get('/console/devices', { headers: { cookie }, maxRedirects: 0 })
		).status();
		expect([200, 403]).toContain(status);
		return status === 200;
	},
	// A ticket that does not exist: allowed roles are told it is not new (409), others 403.
	'ticket.claim': async (cookie, baseURL, request) => {
		const response = await postForm(
			request,
			baseURL,
			'/console?/claim',
			{ ticket: crypto.randomUUID() },
			cookie
		);
		const status = response.status();
		expect([409, 403]).toContain(status);
		return status === 409;
	},
	'ticket.read': (cookie, _, request) => pageProbe(NO_TICKET, cookie, request, 404),
	'ticket.file': (cookie, _, request) => pageProbe('/console/tickets/new', cookie, request),
	'emergency.take': ticketActionProbe('take'),
	'ticket.dispatch': ticketActionProbe('dispatch'),
	'ticket.work': ticketActionProbe('contact'),
	'ticket.follow_up': ticketActionProbe('follow_up'),
	'fee.waive': ticketActionProbe('quoteWaive'),
	'ticket.owner_link': ticketActionProbe('sendOwnerLink'),
	'pass.decide': (cookie, _, request) => pageProbe('/console/passes', cookie, request),
	'clocks.manage': async (cookie, _, request) =>
		(await pageProbe('/console/clocks', cookie, request)) &&
		(await pageProbe('/console/calendar', cookie, request)),
	'pass.check': (cookie, _, request) =>
		pageProbe('/console/passes/check?code=ABCDEF', cookie, request),
	'visitors.desk': async (cookie, baseURL, request) => {
		const page = await pageProbe('/console/visitors', cookie, request);
		// No visit has this id: the desk is told it is not found (404), anyone else 403.
		const action = await postForm(
			request,
			baseURL,
			'/console/visitors?/approve',
			{ visit: crypto.randomUUID() },
			cookie
		);
		expect([404, 403]).toContain(action.status());
		expect(action.status() === 404).toBe(page);
		return page;
	},
	'visitors.log': (cookie, _, request) => pageProbe('/console/visitors/log', cookie, request),
	'visitors.export': (cookie, _, request) =>
		pageProbe('/console/visitors/log.csv?name=nobody', cookie, request),
	'visitors.block': (cookie, _, request) => pageProbe('/console/visitors/blocks', cookie, request),
	'stream.staff': async (cookie, baseURL) => {
		const socket = await openSocket(baseURL, cookie);
		try {
			return (await subscribe(socket, 'staff', null)).ok;
		} finally {
			socket.disconnect();
		}
	}
};

for (const role of STAFF_ROLES) {
	test(`the access matrix holds for ${role}`, async ({ request, baseURL }) => {
		const cookie = await sessionCookie(request, baseURL ?? '', role);
		for (const action of ACTIONS) {
			expect(await PROBES[action](cookie, baseURL ?? '', request), `${role} × ${action}`).toBe(
				allowed(role, action)
			);
		}
	});
}

test('without a session every console page and action sends people to sign in', async ({
	request,
	baseURL
}) => {
	for (const path of [
		'/console',
		'/console/staff',
		'/console/devices',
		'/console/account',
		'/console/passes',
		'/console/passes/check',
		'/console/visitors',
		'/console/visitors/check',
		'/console/visitors/invite',
		'/console/visitors/roll-call',
		'/console/visitors/desk-alert'
	]) {
		const response = await request.get(path, { maxRedirects: 0 });
		expect(response.status(), path).toBe(303);
		expect(response.headers().location).toContain('/console/sign-in');
	}
	const claim = await postForm(request, baseURL ?? '', '/console?/claim', {
		ticket: crypto.randomUUID()
	});
	expect((await claim.json()) as { type: string }).toMatchObject({ type: 'redirect' });
});

test('a malformed id in any console action is refused plainly, never a server error', async ({
	request,
	baseURL
}) => {
	const base = baseURL ?? '';
	const admin = await sessionCookie(request, base, 'admin');
	const assistant = await sessionCookie(request, base, 'assistant');
	const supervisor = await sessionCookie(request, base, 'supervisor');
	const guard = await sessionCookie(request, base, 'guard');
	const tries: [string, Record<string, string>, string][] = [
		['/console?/claim', { ticket: "1' or '1'='1" }, assistant],
		['/console/staff?/role', { user: 'not-a-uuid', role: 'guard' }, admin],
		['/console/staff?/disable', { user: '<script>', disabled: 'true' }, admin],
		['/console/devices?/renew', { device: '42' }, admin],
		['/console/devices?/revoke', { device: '' }, admin],
		['/console/passes?/approve', { pass: "1' or '1'='1" }, supervisor],
		['/console/passes?/refuse', { pass: 'x', reason: '' }, supervisor],
		['/console/passes/check?/use', { pass: '<script>' }, guard],
		['/console/visitors?/approve', { visit: "1' or '1'='1", note: '' }, guard],
		['/console/visitors?/refuse', { visit: 'x' }, assistant],
		['/console/visitors?/cancel', { visit: '42' }, guard],
		['/console/visitors?/cancelInvite', { visit: '' }, guard],
		['/console/visitors?/signOut', { visit: '<script>' }, guard],
		['/console/visitors/check?/signOut', { visit: 'x' }, guard],
		['/console/visitors/check?/byDocument', { idType: 'driving_licence', idNumber: 'x' }, guard],
		['/console/visitors/invite?/invite', { unitId: "1' or '1'='1", name: '' }, assistant]
	];
	for (const [path, form, cookie] of tries) {
		const response = await postForm(request, base, path, form, cookie);
		expect(response.status(), path).toBeLessThan(500);
		expect(response.status(), path).toBeGreaterThanOrEqual(400);
	}
});
