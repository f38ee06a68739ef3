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
