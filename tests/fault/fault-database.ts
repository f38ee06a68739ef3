import postgres from 'postgres';
import type { PgCluster } from './pg-cluster.js';

/** A new, empty database on the test's own cluster; the app migrates and seeds it on start. */
export async function freshDatabase(cluster: PgCluster, name: string): Promise<string> {
	const admin = postgres(cluster.url, { max: 1, onnotice: () => {} });
	try {
		await admin.unsafe(`create database ${name}`);
	} finally {
		await admin.end();
	}
	return cluster.urlOf(name);
}
