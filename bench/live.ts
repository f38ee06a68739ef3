// How fast a filing reaches the wall displays: BENCH_CLIENTS (500) display connections, in a
// process of their own, subscribed to a paired lobby display's stream on the production build;
// repairs filed through the kiosk's real form action at BENCH_RATE per second (5) for
// BENCH_SECONDS (20). Latency: from the filing's commit to each display's receipt. Floor, in the
// same run: a bare Socket.IO server (its own process) broadcasting payloads of the same size to
// as many clients at the same rate, from emit to receipt. The figure that matters is the p95
// ratio app / floor (goal ≤ 1.3). Run `npx vite build` first.
import postgres from 'postgres';
import { fileRepair, homes, pairDemoDevice, pairKiosk } from '../tests/fault/kiosk-client.ts';
import { startApp } from './lib/app.ts';
import { forkChild, type BenchChild } from './lib/child.ts';
import { describeMachine } from './lib/machine.ts';
import { percentile, printTable, round, spread, writeResult } from './lib/report.ts';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 500);
const RATE = Number(process.env.BENCH_RATE ?? 5);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const COUNT = Math.max(1, Math.round(RATE * SECONDS));
/** Time left after the last filing's answer for its message to reach every display. */
const GRACE_MS = 3_000;
const CLIENTS_FILE = new URL('./live-clients.ts', import.meta.url).pathname;
const FLOOR_FILE = new URL('./live-floor.ts', import.meta.url).pathname;

type Arrival = [seq: number, at: number, bytes: number];
interface Report {
	arrivals: Arrival[];
	lost: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Latencies of the arrivals whose seq has a start time; how many expected ones never came. */
function measure(arrivals: Arrival[], startedAt: Map<number, number>) {
	const latencies = arrivals
		.filter(([seq]) => startedAt.has(seq))
		.map(([seq, at]) => at - (startedAt.get(seq) ?? at));
	return { ...spread(latencies), missing: startedAt.size * CLIENTS - latencies.length };
}

async function connectClients(url: string, cookie?: string): Promise<BenchChild> {
	const clients = forkChild(CLIENTS_FILE, [url, String(CLIENTS), ...(cookie ? [cookie] : [])]);
	await clients.next('ready', 180_000);
	return clients;
}

async function collect(clients: BenchChild): Promise<Report> {
	await sleep(GRACE_MS);
	clients.send({ type: 'report' });
	const report = await clients.next<Report>('arrivals');
	await clients.stop();
	return report;
}

const children: BenchChild[] = [];
// Commit timestamps: the moment the filing commits is Postgres's own record of it, so no hook
// has to be added to the product for the bench. With `track_commit_timestamp` on,
// `pg_xact_commit_timestamp(xmin)` of the event row is when its transaction committed, by the
// machine's clock, which the display processes share (they note receipt with
// `performance.timeOrigin + performance.now()`). The shared Postgres cannot be reconfigured, so
// this bench runs on a throwaway cluster of its own.
const app = await startApp('live', {}, ['track_commit_timestamp=on']);
try {
	const base = app.server.baseURL;
	const [display, kiosk, demoHomes] = await Promise.all([
		pairDemoDevice(base, 'display'),
		pairKiosk(base),
		homes(app.database.url)
	]);
	const sql = postgres(app.database.url, { max: 1, onnotice: () => {} });
	const started = Date.now();
	const appClients = await connectClients(base, display);
	children.push(appClients);
	console.log(`${CLIENTS} displays subscribed in ${((Date.now() - started) / 1000).toFixed(1)} s`);

	const [stream] = await sql<{ head: number }[]>`
		select coalesce(max(last_seq), 0)::int as head from event_streams`;
	const head = stream?.head ?? 0;
	const filings: Promise<string>[] = [];
	const t0 = performance.now();
	for (let i = 0; i < COUNT; i++) {
		await sleep(t0 + (i * 1000) / RATE - performance.now());
		const home = demoHomes[i % demoHomes.length];
		if (!home) throw new Error('no demo homes');
		filings.push(
			fileRepair(base, kiosk, { home, key: crypto.randomUUID(), description: `bench live ${i}` })
		);
	}
	await Promise.all(filings);
	const appReport = await collect(appClients);
	const committed = await sql<{ seq: number; at: number }[]>`
		select seq::int as seq, extract(epoch from pg_xact_commit_timestamp(xmin))::float8 * 1000 as at
		from events where seq > ${head} and type = 'ticket.filed'`;
	await sql.end();
	await app.stop();
	const commits = new Map(committed.map((r) => [r.seq, r.at]));
	const appFigures = measure(appReport.arrivals, commits);
	const sizes = appReport.arrivals
		.filter(([seq]) => commits.has(seq))
		.map(([, , bytes]) => bytes)
		.sort((a, b) => a - b);
	const bytes = percentile(sizes, 50);

	const floorServer = forkChild(FLOOR_FILE);
	children.push(floorServer);
	const { port } = await floorServer.next<{ port: number }>('listening');
	const floorClients = await connectClients(`http://127.0.0.1:${port}`);
	children.push(floorClients);
	floorServer.send({ type: 'broadcast', rate: RATE, count: COUNT, bytes });
	const { sent } = await floorServer.next<{ sent: [number, number][] }>(
		'sent',
		(SECONDS + 60) * 1000
	);
	const floorReport = await collect(floorClients);
	const floorFigures = measure(floorReport.arrivals, new Map(sent));

	const row = (run: string, f: typeof appFigures, lost: number) => ({
		run,
		n: f.n,
		'p50 ms': f.p50,
		'p95 ms': f.p95,
		'p99 ms': f.p99,
		'max ms': f.max,
		missing: f.missing,
		'sockets lost': lost
	});
	printTable(`${COUNT} messages (${bytes} bytes) to ${CLIENTS} displays at ${RATE}/s`, [
		row('app: kiosk filing commit → display', appFigures, appReport.lost),
		row('floor: bare Socket.IO emit → client', floorFigures, floorReport.lost)
	]);
	const ratio = round(appFigures.p95 / floorFigures.p95);
	writeResult('live', {
		machine: describeMachine({ postgres: app.database.version }),
		settings: { clients: CLIENTS, rate: RATE, seconds: SECONDS, messages: COUNT, bytes },
		figures: { app: appFigures, floor: floorFigures },
		verdicts: [
			{
				ratio: 'p95 app / p95 floor',
				value: ratio,
				goal: '≤ 1.3',
				met: ratio <= 1.3 && appFigures.missing === 0
			}
		]
	});
} finally {
	for (const child of children) await child.stop();
	await app.stop();
}
