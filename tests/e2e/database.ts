/** The Postgres database the browser tests' server uses when TEST_DATABASE_URL is set. */
export const E2E_DATABASE = `lobbydesk_e2e${process.env.E2E_DB_SUFFIX ?? ''}`;

export function e2eDatabaseUrl(adminUrl: string): string {
	const url = new URL(adminUrl);
	url.pathname = `/${E2E_DATABASE}`;
	return url.toString();
}
