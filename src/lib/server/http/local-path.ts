/**
 * A path on this very site to send a person back to, or the fallback. Refuses `//host`,
 * `/\host` (browsers read `\` as `/`), absolute URLs and anything that resolves elsewhere.
 */
export function localPath(value: unknown, base: URL, fallback: string): string {
	if (typeof value !== 'string' || !value.startsWith('/') || value.includes('\\')) return fallback;
	try {
		const target = new URL(value, base);
		return target.origin === base.origin ? target.pathname + target.search + target.hash : fallback;
	} catch {
		return fallback;
	}
}
