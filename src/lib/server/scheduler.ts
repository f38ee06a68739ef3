export interface ScheduledJob {
	name: string;
	run: () => Promise<unknown>;
}

/**
 * Runs the jobs one after another every `intervalMs` until stopped. A pass still running when the
 * next is due is not doubled; a failed job is logged and tried again at the next pass, and the
 * others run regardless. Stopping waits for the job under way (the database is closed next) and
 * starts no other.
 */
export function startScheduler(intervalMs: number, jobs: ScheduledJob[]): () => Promise<void> {
	let pass: Promise<void> | null = null;
	let stopped = false;
	const timer = setInterval(() => {
		if (pass) return;
		pass = (async () => {
			for (const job of jobs) {
				if (stopped) return;
				try {
					await job.run();
				} catch (error: unknown) {
					console.error(`${job.name} failed:`, error);
				}
			}
		})().finally(() => (pass = null));
	}, intervalMs);
	timer.unref();
	return async () => {
		stopped = true;
		clearInterval(timer);
		await pass;
	};
}
