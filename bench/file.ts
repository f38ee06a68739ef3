// How many kiosk filings the app takes per second: BENCH_CONCURRENCY simulated kiosks (100) file
// repairs through the kiosk's real form action over keep-alive HTTP for BENCH_SECONDS (30), against
// the production build on a fresh real Postgres database. Floor, in the same run and on the same
// database: postgres.js writing the same rows (ticket + event, one transaction each) at the same
// concurrency through a pool of the app's size, with no app in between. The figure that matters is
// the throughput ratio app / floor (goal ≥ 0.7). Run `npx vite build` first.
import { startApp } from './lib/app.ts';
import type { LoadResult } from './lib/closed-loop.ts';
import { APP_POOL_SIZE, directFilingLoad } from './lib/direct-filing.ts';
import { kioskLoad, prepareKiosks } from './lib/kiosk-load.ts';
import { describeMachine } from './lib/machine.ts';
import { printTable, round, spread, writeResult } from './lib/report.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 100);
/** Untimed load first, so neither side is measured while cold (JIT, connections, caches). */
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP ?? 3);

function figures(result: LoadResult) {
	const { p50, p99, max } = spread(result.latencies);
	return {
		filings: result.done,
		failed: result.failed,
		perSecond: round(result.done / result.seconds, 1),
		p50,
		p99,
		max,
		...(result.firstError ? { firstError: result.firstError } : {})
	};
}

const app = await startApp('file');
try {
	const base = app.server.baseURL;
	const kiosks = await prepareKiosks(base, app.database.url, CONCURRENCY);
	console.log(
		`${CONCURRENCY} kiosks paired; ${SECONDS} s each for the floor and the app (+${WARMUP_SECONDS} s warm-up)`
	);

	await directFilingLoad(app.database.url, CONCURRENCY, WARMUP_SECONDS);
	const floor = figures(await directFilingLoad(app.database.url, CONCURRENCY, SECONDS));
	await kioskLoad(base, kiosks, CONCURRENCY, WARMUP_SECONDS);
	const measured = figures(await kioskLoad(base, kiosks, CONCURRENCY, SECONDS));
	if (measured.failed > 0) console.error(`app: ${measured.failed} failed: ${measured.firstError}`);
	if (floor.failed > 0) console.error(`floor: ${floor.failed} failed: ${floor.firstError}`);

	const row = (run: string, f: typeof floor) => ({
		run,
		filings: f.filings,
		failed: f.failed,
		'filings/s': f.perSecond,
		'p50 ms': f.p50,
		'p99 ms': f.p99,
		'max ms': f.max
	});
	printTable(`Kiosk filings, ${CONCURRENCY} at a time for ${SECONDS} s`, [
		row('app: kiosk form over HTTP', measured),
		row('floor: postgres.js, same rows', floor)
	]);
	const ratio = round(measured.perSecond / floor.perSecond);
	writeResult('file', {
		machine: describeMachine({ postgres: app.database.version }),
		settings: {
			seconds: SECONDS,
			concurrency: CONCURRENCY,
			warmupSeconds: WARMUP_SECONDS,
			kiosks: kiosks.cookies.length,
			homes: kiosks.homes.length,
			poolSize: APP_POOL_SIZE
		},
		figures: { app: measured, floor },
		verdicts: [
			{
				ratio: 'throughput app / floor',
				value: ratio,
				goal: '≥ 0.7',
				met: ratio >= 0.7 && measured.failed === 0
			}
		]
	});
} finally {
	await app.stop();
}
