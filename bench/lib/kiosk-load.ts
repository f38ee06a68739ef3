import {
	fileRepair,
	homes,
	inBatches,
	pairKiosk,
	type Home
} from '../../tests/fault/kiosk-client.ts';
import { closedLoop, type LoadResult } from './closed-loop.ts';

/**
 * The `file` load, shared by `bench/file.ts` and `bench/profile.ts`: simulated kiosks, each
 * paired as a device of its own, filing repairs through the kiosk's real form action over
 * keep-alive HTTP, one after another.
 */
export interface Kiosks {
	cookies: string[];
	homes: Home[];
}

/** Pairs `count` demo kiosks and reads the demo homes they file for. */
export async function prepareKiosks(
	baseURL: string,
	databaseUrl: string,
	count: number
): Promise<Kiosks> {
	const cookies = await inBatches(
		Array.from({ length: count }, (_, i) => i),
		10,
		() => pairKiosk(baseURL)
	);
	return { cookies, homes: await homes(databaseUrl) };
}

/**
 * Kiosk `k` always files for home `k mod homes`: with 100 kiosks and the demo's 40 homes, at
 * most 3 filings for one home are under way at once, under the 5 tries that would lock it.
 */
export function kioskLoad(
	baseURL: string,
	kiosks: Kiosks,
	concurrency: number,
	seconds: number
): Promise<LoadResult> {
	return closedLoop(concurrency, seconds, async (worker, i) => {
		const home = kiosks.homes[worker % kiosks.homes.length];
		const cookie = kiosks.cookies[worker % kiosks.cookies.length];
		if (!home || !cookie) throw new Error('no kiosks prepared');
		await fileRepair(baseURL, cookie, {
			home,
			key: crypto.randomUUID(),
			description: `bench kiosk ${worker} filing ${i}: the kitchen tap drips`
		});
	});
}
