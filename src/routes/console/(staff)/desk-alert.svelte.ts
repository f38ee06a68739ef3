import type { DeskAlert } from '#lib/server/visitors/desk-views.js';

/**
 * How many visitors wait and how many the desk must decide, for the nav's badge and the desk
 * alert on every console page. Seeded by the layout's load; read again from the server when a
 * visit changes (one request at a time, and once more if changes came in meanwhile).
 */
export class DeskAlertState {
	current = $state.raw<DeskAlert | null>(null);
	#loading = false;
	#again = false;

	constructor(initial: DeskAlert | null) {
		this.current = initial;
	}

	seed(value: DeskAlert | null): void {
		this.current = value;
	}

	async refresh(): Promise<void> {
		if (this.#loading) {
			this.#again = true;
			return;
		}
		this.#loading = true;
		try {
			do {
				this.#again = false;
				const response = await fetch('/console/visitors/desk-alert', {
					headers: { accept: 'application/json' }
				});
				// A dropped network or an ended session: keep what was shown; the stream will tell again.
				if (response.ok) this.current = (await response.json()) as DeskAlert;
			} while (this.#again);
		} catch {
			// Offline: the connection banner says so; the next change reads again.
		} finally {
			this.#loading = false;
		}
	}
}
