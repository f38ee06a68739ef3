export interface ScheduledJob {
	name: string;
	run: () => Promise<unknown>;
}

/**
 * Runs the jobs one after another every `intervalMs` until stopped. A pass still running when the
 * next is due is not doubled; a failed job is logged and tried again at the next pass, and the
 * others run regardless.
 */
export function startScheduler(intervalMs: number, jobs: ScheduledJob[]): () => void {
	let running = false;
	const timer = setInterval(() => {
		if (running) return;
		running = true;
		void (async () => {
			for (const job of jobs) {
				try {
					await job.run();
				} catch (error: unknown) {
					console.error(`${job.name} failed:`, error);
				}
			}
		})().finally(() => (running = false));
	}, intervalMs);
	timer.unref();
	return () => clearInterval(timer);
}
