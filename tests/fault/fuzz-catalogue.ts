import { TICKET_CATEGORIES } from '../../src/lib/domain/ticket-categories.js';
import type { Credential } from './fuzz-context.js';
import {
	action,
	endpoint,
	householdPaths,
	ownerPaths,
	staffDir,
	type Target
} from './fuzz-target.js';
import { TICKET_PAGE_TARGETS } from './fuzz-ticket-page.js';
import {
	ALL_CATEGORIES,
	home,
	identity,
	ID_TYPES,
	key,
	logQuery,
	NO_FIELDS,
	PURPOSES,
	soon,
	today,
	visitDetails,
	visitId
} from './fuzz-fields.js';

/**
 * Every form action and endpoint under `src/routes`, once: what it needs to let a request in,
 * where it is, and field values that pass its checks (the fuzz mixes them with hostile ones, so
 * some requests get past validation and write). `fuzz-routes.ts` fails the suite when a route
 * gains an action or endpoint this list lacks.
 */
export const TARGETS: Target[] = [
	endpoint('healthz', 'GET', 'none'),
	endpoint('readyz', 'GET', 'none'),
	endpoint('locale', 'POST', 'none', () => ({
		locale: ['en', 'zh-CN'],
		redirectTo: ['/kiosk', '//evil.example', 'javascript:alert(1)']
	})),
	action('pair', 'pair', 'none', () => ({ code: ['ABCD-EFGH', '1234 5678'] })),
	action('pair', 'demo', 'none', () => ({ kind: ['kiosk', 'display'] })),

	action(
		'kiosk/request/[type]',
		'default',
		'kiosk',
		(ctx) => ({
			...home(ctx),
			category: ALL_CATEGORIES,
			description: ['厨房水管漏水'],
			preferredAt: [soon(), ''],
			idempotencyKey: key()
		}),
		() =>
			['repair', 'complaint', 'paid_service', 'consultation', 'other', 'emergency'].map(
				(type) => `/kiosk/request/${type}`
			)
	),
	action('kiosk/emergency', 'default', 'kiosk', (ctx) => ({
		kind: [...TICKET_CATEGORIES.emergency],
		buildingId: ctx.buildingIds,
		floor: ['3', 'B1', '-1'],
		room: ['301'],
		note: ['有人晕倒'],
		idempotencyKey: key()
	})),
	action('kiosk/pass', 'default', 'kiosk', (ctx) => ({
		...home(ctx),
		category: ['moving_out', 'goods'],
		carryOn: [today()],
		carrierName: ['搬家公司'],
		itemDescription: ['沙发', '冰箱'],
		itemQuantity: ['1', '2'],
		idempotencyKey: key()
	})),
	action('kiosk/visit/new', 'default', 'kiosk', (ctx) => ({
		...identity(),
		...visitDetails(ctx)
	})),
	action('kiosk/visit/returning', 'find', 'kiosk', () => ({
		phone: ['13800001111'],
		idLast4: ['5678']
	})),
	action('kiosk/visit/returning', 'register', 'kiosk', (ctx) => ({
		phone: ['13800001111'],
		idLast4: ['5678'],
		maskedName: ['李*'],
		...visitDetails(ctx)
	})),
	action('kiosk/visit/invite', 'code', 'kiosk', (ctx) => ({ code: ctx.inviteCodes })),
	action('kiosk/visit/invite', 'use', 'kiosk', (ctx) => ({
		code: ctx.inviteCodes,
		...identity()
	})),
	action('kiosk/visit/sign-out', 'default', 'kiosk', (ctx) => ({
		pass: ctx.passNumbers,
		check: ['ABCD']
	})),

	action('console/sign-in', 'default', 'none', () => ({
		username: ['guard', 'nobody'],
		password: ['wrong-password']
	})),
	endpoint('console/sign-out', 'POST', 'signOut'),
	action(staffDir(''), 'claim', 'assistant', (ctx) => ({ ticket: ctx.ticketIds })),
	action(staffDir('/account'), 'endSession', 'account', () => ({
		session: [crypto.randomUUID(), 'x']
	})),
	action(staffDir('/account'), 'endOthers', 'account'),
	action(staffDir('/account'), 'phone', 'account', () => ({
		phone: ['13800001234', '+86 139-0000-1234', '12345', '']
	})),
	action(staffDir('/account'), 'changePassword', 'account', () => ({
		current: ['wrong-password'],
		next: ['a-much-longer-passphrase-1'],
		confirm: ['a-much-longer-passphrase-1']
	})),
	action(staffDir('/calendar'), 'hours', 'director', () =>
		Object.fromEntries(
			[1, 2, 3, 4, 5, 6, 7].map((d) => [`hours.${d}`, ['08:30-12:00, 13:30-17:30', '']])
		)
	),
	action(staffDir('/calendar'), 'day', 'director', () => ({
		day: ['2030-10-01', '2030-02-30'],
		kind: ['holiday', 'workday'],
		name: ['国庆节']
	})),
	action(staffDir('/calendar'), 'remove', 'director', () => ({ day: ['2030-10-01'] })),
	action(
		staffDir('/calendar'),
		'import',
		'director',
		() => ({
			file: [
				'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20301001\r\nSUMMARY:国庆节 休\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n'
			]
		}),
		undefined,
		['file']
	),
	action(staffDir('/clocks'), 'save', 'director', (ctx) =>
		Object.fromEntries(ctx.clockFields.map((name) => [name, ['30', '2', 'working', '0']]))
	),
	action(staffDir('/devices'), 'register', 'admin', () => ({
		name: ['二号终端'],
		kind: ['kiosk', 'display'],
		audience: ['lobby', 'staff_room']
	})),
	action(staffDir('/devices'), 'renew', 'admin', (ctx) => ({ device: [ctx.spareDeviceId] })),
	action(staffDir('/devices'), 'revoke', 'admin', (ctx) => ({ device: [ctx.spareDeviceId] })),
	action(staffDir('/passes'), 'approve', 'supervisor', (ctx) => ({ pass: ctx.passIds })),
	action(staffDir('/passes'), 'refuse', 'supervisor', (ctx) => ({
		pass: ctx.passIds,
		reason: ['物品与登记不符']
	})),
	action(staffDir('/passes/check'), 'use', 'guard', (ctx) => ({ pass: ctx.passIds })),
	action(staffDir('/staff'), 'create', 'admin', () => ({
		username: ['fuzz1', 'fuzz2'],
		displayName: ['测试'],
		role: ['guard', 'engineer', 'root']
	})),
	action(staffDir('/staff'), 'role', 'admin', (ctx) => ({
		user: [ctx.spareUserId],
		role: ['guard', 'engineer']
	})),
	action(staffDir('/staff'), 'disable', 'admin', (ctx) => ({
		user: [ctx.spareUserId],
		disabled: ['true', 'false']
	})),
	...TICKET_PAGE_TARGETS,
	action(staffDir('/tickets/new'), 'default', 'assistant', (ctx) => ({
		type: ['repair', 'complaint', 'consultation', 'emergency'],
		channel: ['phone', 'walk_in', 'kiosk'],
		unitId: ctx.homes.map((h) => h.unitId),
		callerName: ['王先生'],
		callerPhone: ['13900001111'],
		category: ALL_CATEGORIES,
		description: ['电话报修：灯不亮'],
		preferredAt: [soon(), ''],
		idempotencyKey: key()
	})),
	...['approve', 'refuse', 'cancel', 'cancelInvite', 'signOut'].map((name) =>
		action(staffDir('/visitors'), name, 'assistant', visitId)
	),
	action(staffDir('/visitors/blocks'), 'add', 'supervisor', () => ({
		...identity(),
		reason: ['多次滋扰']
	})),
	action(staffDir('/visitors/blocks'), 'fromVisit', 'supervisor', (ctx) => ({
		visit: ctx.visitIds,
		reason: ['多次滋扰']
	})),
	action(staffDir('/visitors/blocks'), 'lift', 'supervisor', (ctx) => ({ block: ctx.blockIds })),
	action(staffDir('/visitors/check'), 'byDocument', 'guard', () => ({
		idType: ID_TYPES,
		idNumber: ['E12345678']
	})),
	action(staffDir('/visitors/check'), 'signOut', 'guard', (ctx) => ({ visit: ctx.visitIds })),
	action(staffDir('/visitors/invite'), 'invite', 'assistant', (ctx) => ({
		unitId: ctx.homes.map((h) => h.unitId),
		name: ['王五'],
		party: ['2'],
		purpose: PURPOSES,
		visitDate: [today()]
	})),
	action(staffDir('/visitors/log'), 'search', 'guard', logQuery),
	endpoint(staffDir('/visitors/log.csv'), 'GET', 'assistant', logQuery),
	endpoint(staffDir('/visitors/log.csv'), 'POST', 'assistant', logQuery),
	endpoint(staffDir('/visitors/desk-alert'), 'GET', 'guard'),
	action(staffDir('/visitors/settings'), 'save', 'director', () => ({
		visitorConsentMinutes: ['5', '0'],
		visitorRetentionDays: ['180', '99999']
	})),

	action('o/[token]', 'note', 'owner', () => ({ text: ['下午三点以后家里有人'] }), ownerPaths),
	action('o/[token]', 'confirm', 'owner', NO_FIELDS, ownerPaths),
	action('o/[token]', 'accept', 'owner', NO_FIELDS, ownerPaths),
	action('o/[token]', 'quoteConfirm', 'owner', NO_FIELDS, ownerPaths),
	action('o/[token]', 'quoteDecline', 'owner', NO_FIELDS, ownerPaths),
	action(
		'o/[token]',
		'rate',
		'owner',
		() => ({ rating: ['satisfied', 'dissatisfied'], comment: ['很好'] }),
		ownerPaths
	),
	action('h/[token]', 'approve', 'household', visitId, householdPaths),
	action('h/[token]', 'refuse', 'household', visitId, householdPaths),
	action(
		'h/[token]',
		'invite',
		'household',
		() => ({ visitDate: [today()], name: ['赵六'], party: ['1'], purpose: PURPOSES }),
		householdPaths
	),
	action('h/[token]', 'cancel', 'household', visitId, householdPaths)
];

/** Pages whose address carries what someone typed or scanned: `{}` is where hostile text goes. */
export const ADDRESSES: [Credential, string][] = [
	['kiosk', '/kiosk/done/{}'],
	['kiosk', '/kiosk/pass/{}'],
	['kiosk', '/kiosk/visit/{}'],
	['kiosk', '/kiosk/emergency/{}'],
	['kiosk', '/kiosk/request/{}'],
	['none', '/o/{}'],
	['none', '/h/{}'],
	['assistant', '/console/tickets/{}'],
	['assistant', '/console/tickets?q={}&status={}'],
	['guard', '/console/visitors/check?pass={}'],
	['guard', '/console/passes/check?code={}'],
	['supervisor', '/console/visitors/blocks?visit={}'],
	['assistant', '/console/visitors/log.csv?name={}&from={}&unit={}'],
	['display', '/display?page={}'],
	['none', '/pair?code={}'],
	['none', '/console/sign-in?redirectTo={}']
];
