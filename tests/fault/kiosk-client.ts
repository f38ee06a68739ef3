import postgres from 'postgres';

/**
 * The kiosk's HTTP path as the fault tests drive it: pairing as the demo kiosk, then filing a
 * repair exactly as the kiosk's form does (a SvelteKit action with its idempotency key).
 */

/** Pairs a new demo kiosk and returns its cookie header. */
export const pairKiosk = (baseURL: string): Promise<string> => pairDevice(baseURL, 'kiosk');

/** Pairs a new demo kiosk or display and returns its cookie header. */
export async function pairDevice(baseURL: string, kind: 'kiosk' | 'display'): Promise<string> {
	const response = await fetch(new URL('/pair?/demo', baseURL), {
		method: 'POST',
		body: new URLSearchParams({ kind }),
		headers: { origin: baseURL, 'x-sveltekit-action': 'true' },
		redirect: 'manual'
	});
	const cookie = /lobbydesk_device=[^;]+/.exec(response.headers.get('set-cookie') ?? '')?.[0];
	if (!cookie) throw new Error(`pairing failed: ${response.status}`);
	return cookie;
}

export interface Home {
	unitId: string;
	last4: string;
}

/** Every demo home with the last 4 digits of a phone on record for it. */
export async function homes(databaseUrl: string): Promise<Home[]> {
	const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
	try {
		const rows = await sql<{ unit_id: string; phone: string }[]>`
			select distinct on (h.unit_id) h.unit_id, r.phone
			from households h join residents r on r.household_id = h.id
			where h.moved_out_on is null
			order by h.unit_id, r.phone`;
		return rows.map((r) => ({ unitId: r.unit_id, last4: r.phone.slice(-4) }));
	} finally {
		await sql.end();
	}
}

export interface Filing {
	home: Home;
	key: string;
	description: string;
}

/** The form's fields for a repair. */
export function repairForm(filing: Filing): URLSearchParams {
	return new URLSearchParams({
		unitId: filing.home.unitId,
		phoneLast4: filing.home.last4,
		category: 'water',
		description: filing.description,
		preferredAt: '',
		idempotencyKey: filing.key
	});
}

/**
 * Files a repair through `baseURL` (the app, or a proxy in front of it). Resolves to the serial
 * the kiosk would show; rejects when the answer did not arrive.
 */
export async function fileRepair(baseURL: string, cookie: string, filing: Filing): Promise<string> {
	const origin = new URL(baseURL).origin;
	const response = await fetch(new URL('/kiosk/request/repair', baseURL), {
		method: 'POST',
		body: repairForm(filing),
		headers: { origin, cookie, 'x-sveltekit-action': 'true' },
		redirect: 'manual'
	});
	const result = (await response.json()) as { type: string; location?: string };
	if (result.type !== 'redirect' || !result.location) {
		throw new Error(`not filed: ${response.status} ${JSON.stringify(result)}`);
	}
	return decodeURIComponent(result.location.split('/').at(-1) ?? '');
}

/** Runs `work` over `items`, `concurrency` at a time. */
export async function inBatches<T, R>(
	items: T[],
	concurrency: number,
	work: (item: T, index: number) => Promise<R>
): Promise<R[]> {
	const results: R[] = new Array<R>(items.length);
	let next = 0;
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < items.length) {
				const i = next++;
				results[i] = await work(items[i] as T, i);
			}
		})
	);
	return results;
}
