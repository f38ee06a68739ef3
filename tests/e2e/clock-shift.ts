import { readFileSync } from 'node:fs';

/**
 * Loaded into a test server with `--import`: the process's clock runs ahead by the number of
 * milliseconds in the file named by `LOBBYDESK_TEST_CLOCK_FILE`, read again every 100 ms, so a
 * browser test can take the server past the site's midnight or the retention period while it
 * runs. Only `Date` moves; timers keep real time. Never part of the app.
 */
const file = process.env.LOBBYDESK_TEST_CLOCK_FILE;
if (file) {
	const RealDate = Date;
	let offset = 0;
	const read = () => {
		try {
			offset = Number(readFileSync(file, 'utf8').trim()) || 0;
		} catch {
			// no file yet: real time
		}
	};
	read();
	setInterval(read, 100).unref();
	class ShiftedDate extends RealDate {
		constructor(...args: unknown[]) {
			if (args.length === 0) super(RealDate.now() + offset);
			else super(...(args as [string | number | Date]));
		}
		static override now(): number {
			return RealDate.now() + offset;
		}
	}
	globalThis.Date = ShiftedDate as DateConstructor;
}
