import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A Postgres cluster of the fault tests' own: `initdb` in a temporary directory, `pg_ctl` on a
 * free port, trust authentication on 127.0.0.1 only. The tests stop and start it at will; the
 * machine's shared Postgres is never touched. Postgres refuses to run as root, so under root the
 * cluster belongs to the `postgres` user and its commands run as that user.
 */
export interface PgCluster {
	port: number;
	/** An admin URL of the cluster's `postgres` database. */
	url: string;
	/** A URL of a database on the cluster (created with `createDatabase`). */
	urlOf(database: string): string;
	createDatabase(name: string): void;
	start(): void;
	/** `fast`: clients are disconnected and the cluster shuts down cleanly. */
	stop(mode?: 'fast' | 'immediate'): void;
	remove(): void;
}

function binDir(): string {
	const fromConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
	const candidates = [
		fromConfig.status === 0 ? fromConfig.stdout.trim() : '',
		...(existsSync('/usr/lib/postgresql')
			? readdirSync('/usr/lib/postgresql')
					.sort((a, b) => Number(b) - Number(a))
					.map((v) => `/usr/lib/postgresql/${v}/bin`)
			: [])
	];
	const dir = candidates.find((d) => d && existsSync(join(d, 'initdb')));
	if (!dir) throw new Error('initdb not found: install PostgreSQL server binaries');
	return dir;
}

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

/** `settings`: extra server settings, e.g. `track_commit_timestamp=on` (each passed as `-c`). */
export async function createCluster(settings: string[] = []): Promise<PgCluster> {
	const bin = binDir();
	const root = process.getuid?.() === 0;
	const dir = mkdtempSync(join(tmpdir(), 'lobbydesk-fault-pg-'));
	const data = join(dir, 'data');
	const log = join(dir, 'postgres.log');
	if (root) {
		const { uid, gid } = postgresUser();
		chownSync(dir, uid, gid);
	}
	/** Runs a Postgres program, as `postgres` when this process is root. */
	const run = (program: string, args: string[]) => {
		const [command, argv] = root
			? ['runuser', ['-u', 'postgres', '--', join(bin, program), ...args]]
			: [join(bin, program), args];
		execFileSync(command, argv, { stdio: 'pipe', cwd: dir });
	};
	run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
	const port = await freePort();
	const options = [
		`-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off`,
		...settings.map((s) => `-c ${s}`)
	].join(' ');
	const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
	const cluster: PgCluster = {
		port,
		url,
		urlOf: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
		createDatabase: (name) =>
			run('psql', [
				'-h',
				'127.0.0.1',
				'-p',
				String(port),
				'-U',
				'postgres',
				'-c',
				`create database ${name}`
			]),
		start: () => run('pg_ctl', ['-D', data, '-l', log, '-o', options, '-w', 'start']),
		stop: (mode = 'fast') => run('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']),
		remove: () => {
			try {
				cluster.stop('immediate');
			} catch {
				// already stopped
			}
			rmSync(dir, { recursive: true, force: true });
		}
	};
	cluster.start();
	return cluster;
}

function postgresUser(): { uid: number; gid: number } {
	const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }));
	return { uid: id('-u'), gid: id('-g') };
}
