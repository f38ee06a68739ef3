/**
 * The wall's header figures for the site's day so far: counts only, nothing that could name
 * anyone. `met` of `judged`: clocks that stopped today in time, of those that stopped today or
 * ran past their deadline today.
 */
export interface SiteToday {
	filed: number;
	resolved: number;
	met: number;
	judged: number;
	/** People (a visit's whole party) waiting in the lobby for a decision, and inside on a pass. */
	visitorsWaiting: number;
	visitorsOnSite: number;
}

/** Met as a whole percentage, or null before anything was judged today. */
export function metPercent(today: SiteToday): number | null {
	return today.judged === 0 ? null : Math.round((100 * today.met) / today.judged);
}
