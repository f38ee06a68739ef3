import { connect, createServer, type Server } from 'node:net';

/**
 * A TCP proxy in front of the app that loses every answer: the request goes through whole, the
 * app handles (and commits) it, and the moment the answer starts coming back the connection is
 * cut. The client sees a dropped connection after the server did the work.
 */
export async function lossyProxy(
	targetPort: number
): Promise<{ port: number; close(): Promise<void> }> {
	const server: Server = createServer((client) => {
		const upstream = connect(targetPort, '127.0.0.1');
		client.pipe(upstream);
		upstream.once('data', () => {
			client.destroy();
			upstream.destroy();
		});
		const end = () => {
			client.destroy();
			upstream.destroy();
		};
		client.on('error', end);
		upstream.on('error', end);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return { port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
