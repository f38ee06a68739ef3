/**
 * Asks the database, every `everyMs`, whether it answers, and reports each change of the answer.
 * Sockets stay up when the database goes away, so without this a console would look live while
 * nothing it does can be saved. One check at a time; the first change reported is to "down".
 */
export interface DatabaseWatch {
	available(): boolean;
	stop(): void;
}

export function watchDatabase(
	answers: () => Promise<boolean>,
	everyMs: number,
	onChange: (available: boolean) => void
): DatabaseWatch {
	let available = true;
	let stopped = false;
	let timer: ReturnType<typeof setTimeout> | undefined;
	const check = async () => {
		const now = await answers();
		if (stopped) return;
		if (now !== available) {
			available = now;
			onChange(now);
		}
		timer = setTimeout(() => void check(), everyMs);
		timer.unref?.();
	};
	timer = setTimeout(() => void check(), everyMs);
	timer.unref?.();
	return {
		available: () => available,
		stop: () => {
			stopped = true;
			clearTimeout(timer);
		}
	};
}
