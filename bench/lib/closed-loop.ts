/**
 * A closed-loop load: `concurrency` workers, each starting its next operation as soon as its last
 * one ends, for `seconds`. What a benchmark and its floor share, so both are driven alike.
 */
export interface LoadResult {
	/** Operations that succeeded. */
	done: number;
	failed: number;
	/** The first failure's message, for diagnosis. */
	firstError: string | null;
	/** Milliseconds per successful operation. */
	latencies: number[];
	/** Wall time from the first start to the last end. */
	seconds: number;
}

export async function closedLoop(
	concurrency: number,
	seconds: number,
	operation: (worker: number, iteration: number) => Promise<void>
): Promise<LoadResult> {
	const latencies: number[] = [];
	let failed = 0;
	let firstError: string | null = null;
	const started = performance.now();
	const end = started + seconds * 1000;
	await Promise.all(
		Array.from({ length: concurrency }, async (_, worker) => {
			for (let i = 0; performance.now() < end; i++) {
				const t0 = performance.now();
				try {
					await operation(worker, i);
					latencies.push(performance.now() - t0);
				} catch (error) {
					failed += 1;
					firstError ??= error instanceof Error ? error.message : String(error);
				}
			}
		})
	);
	return {
		done: latencies.length,
		failed,
		firstError,
		latencies,
		seconds: (performance.now() - started) / 1000
	};
}
