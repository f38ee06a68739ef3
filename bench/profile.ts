// Where the server spends its CPU under the `file` load: starts the production build with
// `--cpu-prof`, drives it with the `file` benchmark's kiosks (BENCH_SECONDS, 20 by default;
// BENCH_CONCURRENCY, 100), stops it cleanly so Node writes the profile, and prints the functions
// with the most self time. The .cpuprofile file opens in Chrome DevTools (Performance panel, or
// the "JavaScript Profiler") for the whole picture. Run `npx vite build` first.
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { startApp } from './lib/app.ts';
import { kioskLoad, prepareKiosks } from './lib/kiosk-load.ts';
import { printTable, round, spread } from './lib/report.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 100);
const TOP = Number(process.env.BENCH_TOP ?? 15);
const DIR = join(import.meta.dirname, 'profiles');

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
	hitCount?: number;
}
interface CpuProfile {
	nodes: ProfileNode[];
	samples?: number[];
	timeDeltas?: number[];
	startTime: number;
	endTime: number;
}

/** Self time per function (summed over the call tree's nodes), from the samples' time deltas. */
function selfTimes(profile: CpuProfile): { name: string; where: string; ms: number }[] {
	const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
	const micros = new Map<number, number>();
	const samples = profile.samples ?? [];
	const deltas = profile.timeDeltas ?? [];
	// A sample's time is the delta to the next sample; the last one gets none.
	for (let i = 0; i < samples.length; i++) {
		const id = samples[i] as number;
		micros.set(id, (micros.get(id) ?? 0) + (deltas[i + 1] ?? 0));
	}
	const totals = new Map<string, { name: string; where: string; ms: number }>();
	for (const [id, us] of micros) {
		const frame = byNode.get(id)?.callFrame;
		if (!frame) continue;
		const name = frame.functionName || '(anonymous)';
		const file = frame.url.replace(/^file:\/\//, '');
		const where = file
			? `${file.startsWith('/') ? relative(process.cwd(), file) : file}:${frame.lineNumber + 1}`
			: '';
		const key = `${name}@${where}`;
		const entry = totals.get(key) ?? { name, where, ms: 0 };
		entry.ms += us / 1000;
		totals.set(key, entry);
	}
	return [...totals.values()].sort((a, b) => b.ms - a.ms);
}

mkdirSync(DIR, { recursive: true });
const before = new Set(readdirSync(DIR));
const app = await startApp('profile', { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${DIR}` });
try {
	const kiosks = await prepareKiosks(app.server.baseURL, app.database.url, CONCURRENCY);
	console.log(`profiling the server under ${CONCURRENCY} kiosks for ${SECONDS} s…`);
	const load = await kioskLoad(app.server.baseURL, kiosks, CONCURRENCY, SECONDS);
	const { p50, p99 } = spread(load.latencies);
	console.log(
		`${load.done} filings (${round(load.done / load.seconds, 1)}/s, p50 ${p50} ms, p99 ${p99} ms), ${load.failed} failed`
	);
} finally {
	// SIGTERM: the server closes and exits by itself, which is when Node writes the profile.
	await app.stop();
}

const written = readdirSync(DIR)
	.filter((f) => f.endsWith('.cpuprofile') && !before.has(f))
	.map((f) => join(DIR, f))
	.sort((a, b) => statSync(b).size - statSync(a).size);
const file = written[0];
if (!file) throw new Error(`no new .cpuprofile in ${DIR}: did the server exit cleanly?`);
const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
const total = (profile.endTime - profile.startTime) / 1000;
const top = selfTimes(profile).slice(0, TOP);
printTable(
	`Top ${TOP} functions by self time (of ${round(total / 1000, 1)} s profiled)`,
	top.map((t) => ({
		'self ms': round(t.ms, 0),
		'%': round((100 * t.ms) / total, 1),
		function: t.name,
		where: t.where
	}))
);
console.log(`\nprofile: ${relative(process.cwd(), file)} (open in Chrome DevTools)`);
