/// <reference types="vitest/config" />
import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig, isRunnableDevEnvironment, type Plugin } from 'vite';

/** The module that boots the database and the realtime layer, shared by `server.js` and `vite dev`. */
const RUNTIME_ENTRY = 'src/lib/server/runtime.ts';

/**
 * Builds the runtime as one more entry of the server bundle (`build/server/runtime.js`), so the
 * custom server shares every module instance (one database, one event stream) with the app.
 */
const runtimeEntry: Plugin = {
	name: 'lobbydesk-runtime-entry',
	apply: 'build',
	config: () => ({
		environments: {
			ssr: { build: { rolldownOptions: { input: { runtime: RUNTIME_ENTRY } } } }
		}
	})
};

/** Attaches Socket.IO to Vite's dev server, through the same module runner SvelteKit uses. */
const socketIoDev: Plugin = {
	name: 'lobbydesk-socket-io-dev',
	apply: 'serve',
	configureServer(server) {
		const httpServer = server.httpServer;
		if (!httpServer) return;
		httpServer.once('listening', () => {
			const ssr = server.environments.ssr;
			if (!isRunnableDevEnvironment(ssr)) return;
			ssr.runner
				.import<typeof import('./src/lib/server/runtime.js')>(`/${RUNTIME_ENTRY}`)
				.then(async (runtime) => {
					const context = await runtime.boot();
					await runtime.attachRealtime(httpServer);
					for (const line of runtime.describeSignIn(context.signIn))
						server.config.logger.info(line);
				})
				.catch((error: unknown) => {
					server.config.logger.error(`Lobby Desk failed to start: ${String(error)}`);
				});
		});
	}
};

export default defineConfig({
	plugins: [
		sveltekit({
			adapter: adapter(),
			// Scripts only from this server (SvelteKit hashes its own inline start-up script).
			csp: {
				mode: 'auto',
				directives: {
					'default-src': ['self'],
					'script-src': ['self'],
					'style-src': ['self', 'unsafe-inline'],
					'img-src': ['self', 'data:'],
					'connect-src': ['self'],
					'object-src': ['none'],
					'base-uri': ['self'],
					'form-action': ['self'],
					'frame-ancestors': ['none']
				}
			}
		}),
		runtimeEntry,
		socketIoDev
	],
	test: {
		include: ['src/**/*.test.ts', 'tests/integration/**/*.test.ts'],
		globalSetup: ['tests/helpers/database-template.ts'],
		environment: 'node',
		testTimeout: 30_000,
		hookTimeout: 60_000
	}
});
