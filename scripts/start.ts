// `npm start`: builds the app when there is no build or the sources are newer, then runs it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';

const BUILD_MARKER = 'build/server/runtime.js';
const SOURCES = [
	'src',
	'static',
	'drizzle',
	'package.json',
	'package-lock.json',
	'tsconfig.json',
	'vite.config.ts'
];

function newestMtime(path: string): number {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
	return newest;
}

const builtAt = existsSync(BUILD_MARKER) ? statSync(BUILD_MARKER).mtimeMs : 0;
if (builtAt < Math.max(...SOURCES.map(newestMtime))) {
	console.log(builtAt ? 'Sources changed: rebuilding…' : 'First start: building Lobby Desk…');
	const vite = join('node_modules', 'vite', 'bin', 'vite.js');
	const build = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
		stdio: 'inherit'
	});
	if (build.status !== 0) process.exit(build.status ?? 1);
}

await import('../server.ts');
