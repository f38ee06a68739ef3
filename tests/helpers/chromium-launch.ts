/**
 * How the browser tests and benchmarks launch Debian's Chromium (Playwright cannot download its
 * own browser on these machines): one place, so a bench measures the browser the tests use.
 */
export const CHROMIUM_LAUNCH = {
	executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-quic',
		'--no-first-run',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync'
	]
};
