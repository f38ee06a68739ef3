// `npm run bench`: the four benchmarks one after another, each in a process of its own so one's
// leftovers cannot slow the next. Each is also runnable alone: `npm run bench:<name>`.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const BENCHES = ['live', 'file', 'display', 'kiosk'];
const only = process.argv.slice(2);
const chosen = only.length > 0 ? BENCHES.filter((b) => only.includes(b)) : BENCHES;

let failed = 0;
for (const name of chosen) {
	console.log(`\n━━━ bench: ${name} ━━━`);
	const run = spawnSync(process.execPath, [join(import.meta.dirname, `${name}.ts`)], {
		stdio: 'inherit'
	});
	if (run.status !== 0) {
		failed += 1;
		console.error(`bench ${name} failed (exit ${run.status ?? run.signal})`);
	}
}
process.exit(failed > 0 ? 1 : 0);
