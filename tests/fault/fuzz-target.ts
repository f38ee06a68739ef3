import type { Credential, FuzzContext } from './fuzz-context.js';
import { NO_FIELDS, type Fields } from './fuzz-fields.js';

/** One fuzz target, and how the catalogue writes them (`fuzz-catalogue.ts`). */
export interface Target {
	/** The route's directory under `src/routes`, a space, and the action's name or the method. */
	id: string;
	method: 'GET' | 'POST';
	needs: Credential;
	/** Addresses to send to; link pages take `credentialed` to choose a real token or not. */
	paths(ctx: FuzzContext, credentialed: boolean): string[];
	fields(ctx: FuzzContext): Record<string, string[]>;
	/** Fields sent as uploaded files when the body is multipart. */
	files?: string[];
}

/** The page's address without its `(group)` segments, for routes without parameters. */
function pagePath(dir: string): string {
	return `/${dir}`.replace(/\/\([^)]+\)/g, '') || '/';
}

export function action(
	dir: string,
	name: string,
	needs: Credential,
	fields: Fields = NO_FIELDS,
	paths?: (ctx: FuzzContext, credentialed: boolean) => string[],
	files?: string[]
): Target {
	const query = name === 'default' ? '' : `?/${name}`;
	return {
		id: `${dir} ${name}`,
		method: 'POST',
		needs,
		fields,
		files,
		paths: (ctx, credentialed) =>
			(paths ? paths(ctx, credentialed) : [pagePath(dir)]).map((p) => p + query)
	};
}

export function endpoint(
	dir: string,
	method: 'GET' | 'POST',
	needs: Credential,
	fields: Fields = NO_FIELDS
): Target {
	return { id: `${dir} ${method}`, method, needs, fields, paths: () => [pagePath(dir)] };
}

export const ticketPaths = (ctx: FuzzContext) => [
	...ctx.serials.map((s) => `/console/tickets/${encodeURIComponent(s)}`),
	'/console/tickets/R-00000000-0000'
];
/**
 * Withdrawing owner links spares the newest three tickets: the fuzz's own filings, one of which
 * gives the owner pages their link (withdrawn, every owner action would only meet the 410 page).
 */
export const linkWithdrawPaths = (ctx: FuzzContext) => [
	...ctx.serials.slice(3).map((s) => `/console/tickets/${encodeURIComponent(s)}`),
	'/console/tickets/R-00000000-0000'
];
export const ownerPaths = (ctx: FuzzContext, credentialed: boolean) => [
	`/o/${credentialed ? ctx.ownerToken : 'a'.repeat(32)}`
];
export const householdPaths = (ctx: FuzzContext, credentialed: boolean) => [
	`/h/${credentialed ? ctx.householdToken : 'b'.repeat(32)}`
];
export const staffDir = (path: string) => `console/(staff)${path}`;
