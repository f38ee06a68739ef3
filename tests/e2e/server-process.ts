import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';

/**
 * A server process of its own, from the production build, for tests that must not share the
 * suite's server: stream sequences they count exactly, restarts, a second process.
 */
export interface ServerProcess {
	baseURL: string;
	/** The Postgres URL it uses, when on Postgres; give it to a second process to share. */
	databaseUrl: string | undefined;
	child: ChildProcessWithoutNullStreams;
	output(): string;
	exited: Promise<number | null>;
	ready(): Promise<void>;
	stop(): Promise<void>;
}

const ADMIN_URL = process.env.TEST_DATABASE_URL || undefined;

/** A fresh database for `name`: a new Postgres database when TEST_DATABASE_URL is set, else none. */
export async function freshDatabase(name: string): Promise<string | undefined> {
	if (!ADMIN_URL) return undefined;
	const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
	await admin.unsafe(`drop database if exists ${name} with (force)`);
	await admin.unsafe(`create database ${name}`);
	await admin.end();
	const url = new URL(ADMIN_URL);
	url.pathname = `/${name}`;
	return url.toString();
}

export function spawnServer(
	port: number,
	env: Record<string, string> = {},
	databaseUrl?: string
): ServerProcess {
	const child = spawn(process.execPath, ['server.ts'], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			LOBBYDESK_DEMO: 'on',
			DATABASE_URL: databaseUrl ?? '',
			LOBBYDESK_DATA_DIR: databaseUrl ? '' : mkdtempSync(join(tmpdir(), 'lobbydesk-proc-')),
			...env
		}
	});
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
	// What the server printed stays for diagnosis next to the test results.
	child.once('exit', () => {
		mkdirSync('test-results', { recursive: true });
		writeFileSync(join('test-results', `server-${port}-${child.pid}.log`), output);
	});
	const baseURL = `http://127.0.0.1:${port}`;
	return {
		baseURL,
		databaseUrl,
		child,
		output: () => output,
		exited,
		ready: async () => {
			for (let i = 0; i < 300; i++) {
				if (child.exitCode !== null) throw new Error(`server exited:\n${output}`);
				// Only our own process's word counts: another server left on this port (an earlier
				// run's) would answer /readyz too, with code that is no longer there.
				if (!output.includes(`${baseURL}/`)) {
					await new Promise((r) => setTimeout(r, 200));
					continue;
				}
				try {
					if ((await fetch(`${baseURL}/readyz`)).ok) return;
				} catch {
					// not listening yet
				}
				await new Promise((r) => setTimeout(r, 200));
			}
			throw new Error(`server did not become ready:\n${output}`);
		},
		stop: async () => {
			if (child.exitCode === null) child.kill('SIGTERM');
			await exited;
		}
	};
}

/** Starts a server on a fresh demo database and waits until it answers. */
export async function startServer(
	port: number,
	env: Record<string, string> = {}
): Promise<ServerProcess> {
	const server = spawnServer(port, env, await freshDatabase(`lobbydesk_e2e_${port}`));
	await server.ready();
	return server;
}
