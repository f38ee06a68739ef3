import type { Target } from './fuzz-target.js';
import type { Credential, FuzzContext } from './fuzz-context.js';
import { encodeBody, urlEncoded, type FuzzInput, type Value } from './fuzz-inputs.js';

/** A credential that is not the one the target needs: let in somewhere else, not here. */
function otherThan(needs: Credential): Credential {
	if (needs === 'kiosk') return 'display';
	if (needs === 'guard' || needs === 'none' || needs === 'account' || needs === 'signOut') {
		return 'kiosk';
	}
	return needs === 'owner' || needs === 'household' ? 'assistant' : 'guard';
}

/** adapter-node's default BODY_SIZE_LIMIT. */
const BODY_SIZE_LIMIT = 512 * 1024;

export interface Answer {
	status: number;
	/** The start of the answer's body, for a report. */
	excerpt: string;
}

/** Sends one fuzzed request to `target` as a browser (or a forger) would. */
export async function send(target: Target, ctx: FuzzContext, input: FuzzInput): Promise<Answer> {
	const credential =
		input.credential === 'needed'
			? target.needs
			: input.credential === 'none'
				? 'none'
				: otherThan(target.needs);
	const paths = target.paths(ctx, input.credential === 'needed');
	const path = paths[input.pathIndex % paths.length] ?? '/';
	const origin = new URL(ctx.baseURL).origin;
	const headers: Record<string, string> = {
		origin: input.mode === 'foreign' ? 'https://evil.example' : origin,
		accept: input.mode === 'enhanced' ? 'application/json' : 'text/html'
	};
	if (input.mode === 'enhanced') headers['x-sveltekit-action'] = 'true';
	const cookie = ctx.cookies[credential];
	if (cookie) headers.cookie = cookie;

	let url = new URL(path, ctx.baseURL);
	let body: Uint8Array<ArrayBuffer> | undefined;
	if (target.method === 'GET') {
		if ('entries' in input.body) {
			// An address has room for a few kilobytes (Node answers 431 past 16 KB of headers).
			const entries = input.body.entries.map(([name, v]): [string, Value] => [
				name,
				'repeat' in v ? { ...v, times: Math.min(v.times, 1000) } : v
			]);
			url = new URL(`${path}${path.includes('?') ? '&' : '?'}${urlEncoded(entries)}`, ctx.baseURL);
		}
	} else {
		const encoded = encodeBody(input.body, target.files ?? []);
		body = encoded.bytes;
		if (encoded.type) headers['content-type'] = encoded.type;
	}
	try {
		const response = await fetch(url, { method: target.method, headers, body, redirect: 'manual' });
		const text = await response.text();
		return { status: response.status, excerpt: text.slice(0, 300) };
	} catch (error) {
		// A body over the server's limit is answered 413 before it has all been sent; a client
		// still sending it then sees the connection reset. That is a refusal, not a failure.
		if ((body?.length ?? 0) > BODY_SIZE_LIMIT) return { status: 413, excerpt: 'reset' };
		// No answer at all is as bad as a 5xx: the person sees a broken page.
		return {
			status: 599,
			excerpt: `no answer: ${String(error)} ${String((error as Error).cause ?? '')}`
		};
	}
}
