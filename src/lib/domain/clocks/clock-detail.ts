import type { PublicClock } from '../public-ticket.js';

/** A clock as the ticket page shows staff: which run, which policy judged it, who heard of a breach. */
export interface ClockDetail extends PublicClock {
	cycle: number;
	policyVersion: number;
	startedAt: number;
	escalateTo: string[];
	breachedAt: number | null;
}
