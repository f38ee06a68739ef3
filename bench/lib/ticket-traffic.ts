import postgres from 'postgres';
import { OPEN_STATUSES } from '../../src/lib/domain/public-ticket.ts';
import { fileRepair, inBatches, type Home } from '../../tests/fault/kiosk-client.ts';
import { postAction } from '../../tests/helpers/app-http.ts';

/**
 * Tickets made and moved through the app's real paths, as the wall sees them change: repairs
 * filed by the kiosk's form, claimed and resolved by a staff member's console actions.
 */

export interface Desk {
	baseURL: string;
	kioskCookie: string;
	staffCookie: string;
	homes: Home[];
}

function file(desk: Desk, n: number): Promise<string> {
	const home = desk.homes[n % desk.homes.length];
	if (!home) throw new Error('no demo homes');
	return fileRepair(desk.baseURL, desk.kioskCookie, {
		home,
		key: crypto.randomUUID(),
		description: `bench #${n}: 水管漏水`
	});
}

/**
 * Files repairs until the site has `count` open tickets (the demo site starts with a few);
 * returns the serials filed, oldest first, all of them new.
 */
export async function fillSite(desk: Desk, databaseUrl: string, count: number): Promise<string[]> {
	const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
	const [row] = await sql<{ n: number }[]>`
		select count(*)::int as n from tickets where status in ${sql(OPEN_STATUSES)}`;
	await sql.end();
	const missing = Math.max(0, count - (row?.n ?? 0));
	const indexes = Array.from({ length: missing }, (_, i) => i);
	return inBatches(indexes, 16, (n) => file(desk, n));
}

async function act(desk: Desk, serial: string, action: string, form: Record<string, string>) {
	const response = await postAction(
		desk.baseURL,
		`/console/tickets/${encodeURIComponent(serial)}?/${action}`,
		form,
		desk.staffCookie
	);
	const result = (await response.json()) as { type: string };
	if (result.type !== 'success') throw new Error(`${action} ${serial}: ${JSON.stringify(result)}`);
}

export interface Traffic {
	sent: number;
	failed: number;
	/** Updates not sent because too many were still unanswered (the app fell behind). */
	skipped: number;
	/** Answer times, ms. */
	answers: number[];
	firstError?: string;
}

/**
 * `perSecond` changes a second, in turn: a repair filed (a row appears), a new one claimed (its
 * status changes), a claimed one resolved (its row leaves), so the wall keeps its size. Returns
 * the function that stops it and waits for what is still unanswered.
 */
export function startTraffic(
	desk: Desk,
	fresh: string[],
	perSecond: number
): () => Promise<Traffic> {
	const traffic: Traffic = { sent: 0, failed: 0, skipped: 0, answers: [] };
	const waiting = [...fresh];
	const claimed: string[] = [];
	const inFlight = new Set<Promise<void>>();
	let n = 0;
	const update = async (turn: number) => {
		const serial = turn === 1 ? waiting.shift() : turn === 2 ? claimed.shift() : undefined;
		if (serial && turn === 1) {
			await act(desk, serial, 'claim', {});
			claimed.push(serial);
		} else if (serial && turn === 2) {
			await act(desk, serial, 'resolve', { text: '已更换阀门' });
		} else {
			await file(desk, 100_000 + n);
		}
	};
	const timer = setInterval(() => {
		if (inFlight.size >= 4 * perSecond) {
			traffic.skipped += 1;
			return;
		}
		const turn = n++ % 3;
		const sent = performance.now();
		traffic.sent += 1;
		const done = update(turn)
			.then(() => void traffic.answers.push(performance.now() - sent))
			.catch((error: unknown) => {
				traffic.failed += 1;
				traffic.firstError ??= String(error);
			})
			.finally(() => inFlight.delete(done));
		inFlight.add(done);
	}, 1000 / perSecond);
	return async () => {
		clearInterval(timer);
		await Promise.all(inFlight);
		return traffic;
	};
}
