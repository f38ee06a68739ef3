import { execFileSync } from 'node:child_process';
import os from 'node:os';

/** What a figure was measured on: it travels with every result file. */
export interface Machine {
	os: string;
	cpu: string;
	cores: number;
	memoryGiB: number;
	node: string;
	postgres?: string;
	chromium?: string;
	loadAverage: number[];
}

function versionOf(command: string, args: string[]): string | undefined {
	try {
		return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
			.trim()
			.split('\n')[0];
	} catch {
		return undefined;
	}
}

export function describeMachine(extra: { postgres?: string; chromium?: string } = {}): Machine {
	const cpus = os.cpus();
	return {
		os: `${os.type()} ${os.release()} ${os.arch()}`,
		cpu: cpus[0]?.model.trim() ?? 'unknown',
		cores: cpus.length,
		memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
		node: process.version,
		chromium: extra.chromium ?? versionOf(process.env.CHROMIUM_PATH || 'chromium', ['--version']),
		postgres: extra.postgres,
		loadAverage: os.loadavg().map((n) => Math.round(n * 100) / 100)
	};
}
