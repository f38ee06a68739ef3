import type { Queryable } from '../db/client.js';
import { loadMessages, type ProjectedMessage } from './projections.js';

const BATCH = 200;

/**
 * Turns each process's NOTIFY into Socket.IO messages: on `<site>:<seq>` it reads the site's
 * events it has not forwarded yet, in order, and hands each to `emit`. Reading from the table
 * rather than trusting the notice means a burst of notices costs one query, and nothing is
 * skipped or sent twice by this process.
 */
export class EventForwarder {
	#last = new Map<string, number>();
	#pumps = new Map<string, Promise<void>>();
	#stopped = false;

	constructor(
		private readonly db: Queryable,
		private readonly emit: (siteId: string, message: ProjectedMessage) => void,
		private readonly onError: (error: unknown) => void = (error) => console.error(error)
	) {}

	notice(siteId: string, seq: number): void {
		if (this.#stopped) return;
		// The first notice of a site since start: nothing before it was this process's to send.
		if (!this.#last.has(siteId)) this.#last.set(siteId, seq - 1);
		const previous = this.#pumps.get(siteId) ?? Promise.resolve();
		const next = previous.then(() => this.#pump(siteId)).catch(this.onError);
		this.#pumps.set(siteId, next);
	}

	/** Reads every known site's events again, for when notices may have been lost. */
	catchUp(): void {
		for (const [siteId, last] of this.#last) this.notice(siteId, last + 1);
	}

	/** Resolves once everything noticed so far has been emitted. */
	async idle(): Promise<void> {
		await Promise.all(this.#pumps.values());
	}

	/**
	 * Reads no more: the reads already queued (a burst's notices, each one) end without touching
	 * the database, which is about to close. Resolves when the one under way has finished.
	 */
	async stop(): Promise<void> {
		this.#stopped = true;
		await this.idle();
	}

	async #pump(siteId: string): Promise<void> {
		while (!this.#stopped) {
			const after = this.#last.get(siteId) ?? 0;
			const messages = await loadMessages(this.db, siteId, after, BATCH);
			for (const message of messages) {
				this.emit(siteId, message);
				this.#last.set(siteId, message.seq);
			}
			if (messages.length < BATCH) return;
		}
	}
}
