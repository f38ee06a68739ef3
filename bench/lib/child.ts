import { fork, type ChildProcess } from 'node:child_process';

/**
 * A bench's helper process (Socket.IO clients, a bare server), spoken to over Node's IPC channel
 * with `{ type, ... }` messages. It is killed when the bench exits, however it exits.
 */
export interface BenchChild {
	process: ChildProcess;
	/** The next message of this type (rejects if the child exits first). */
	next<T extends object>(type: string, timeoutMs?: number): Promise<T>;
	send(message: object): void;
	stop(): Promise<void>;
}

export function forkChild(file: string, args: string[] = []): BenchChild {
	const child = fork(file, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
	const killOnExit = () => child.kill('SIGKILL');
	process.once('exit', killOnExit);
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	return {
		process: child,
		next: <T extends object>(type: string, timeoutMs = 60_000) =>
			new Promise<T>((resolve, reject) => {
				const timer = setTimeout(() => done(new Error(`${file}: no "${type}" in time`)), timeoutMs);
				const onMessage = (message: { type?: string }) => {
					if (message?.type === type) done(null, message as T);
				};
				const onExit = (code: number | null) => done(new Error(`${file} exited (${code})`));
				function done(error: Error | null, message?: T) {
					clearTimeout(timer);
					child.off('message', onMessage);
					child.off('exit', onExit);
					if (error) reject(error);
					else resolve(message as T);
				}
				child.on('message', onMessage);
				child.once('exit', onExit);
			}),
		send: (message) => {
			child.send(message);
		},
		stop: async () => {
			process.off('exit', killOnExit);
			if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
			await exited;
		}
	};
}

/** The sending side of a child's IPC channel; resolves once sent (exit only after that). */
export function toParent(message: object): Promise<void> {
	return new Promise((resolve, reject) => {
		if (!process.send) return reject(new Error('not started by a bench (no IPC channel)'));
		process.send(message, undefined, undefined, (error) => (error ? reject(error) : resolve()));
	});
}

/** The child's next message of this type from its parent. */
export function fromParent<T extends object>(type: string): Promise<T> {
	return new Promise((resolve) => {
		const onMessage = (message: { type?: string }) => {
			if (message?.type !== type) return;
			process.off('message', onMessage);
			resolve(message as T);
		};
		process.on('message', onMessage);
	});
}
