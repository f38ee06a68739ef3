interface DriverError {
	code?: unknown;
	/** PGlite's name for it. */
	constraint?: unknown;
	/** postgres.js's name for it. */
	constraint_name?: unknown;
}

/** The driver's error, under Drizzle's wrapper when there is one. */
function driverError(error: unknown): DriverError | null {
	if (typeof error !== 'object' || error === null) return null;
	const cause = (error as { cause?: unknown }).cause;
	return (typeof cause === 'object' && cause !== null ? cause : error) as DriverError;
}

/** True when the error is Postgres refusing a duplicate under the named unique constraint. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
	const e = driverError(error);
	return e?.code === '23505' && (e.constraint ?? e.constraint_name) === constraint;
}

/** Codes of a database that cannot be reached: refused, dropped, timed out, shutting down. */
const UNREACHABLE = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'ETIMEDOUT',
	'EPIPE',
	'CONNECTION_CLOSED',
	'CONNECTION_ENDED',
	'CONNECTION_DESTROYED',
	'CONNECT_TIMEOUT',
	'57P01', // admin_shutdown
	'57P02', // crash_shutdown
	'57P03' // cannot_connect_now
]);

/** True when the error says the database is not there, rather than that a query was wrong. */
export function isDatabaseUnreachable(error: unknown): boolean {
	const code = driverError(error)?.code;
	if (typeof code !== 'string') return false;
	// Class 08: connection exceptions.
	return UNREACHABLE.has(code) || code.startsWith('08');
}
