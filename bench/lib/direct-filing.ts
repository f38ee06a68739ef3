import postgres from 'postgres';
import { closedLoop, type LoadResult } from './closed-loop.ts';

/**
 * The `file` benchmark's floor: postgres.js writing what a kiosk filing writes, with no app in
 * between. Each filing is one transaction that does what `fileTicket` and `appendEvent` must:
 * take the next serial from the site's counter row, insert the ticket with the same columns,
 * take the site's next event `seq` from its stream row, and insert the `ticket.filed` event.
 * Both counter rows are locked until commit, as in the app: the floor keeps the app's
 * serialisation, so what separates the two is the app's own work (HTTP, the kiosk's checks,
 * the identity throttle, clocks, the live stream's reads), not a toy insert.
 */

/** The production pool (`openPostgres` in src/lib/server/db/client.ts): the same door to Postgres. */
export const APP_POOL_SIZE = 10;

interface Home {
	siteId: string;
	unitId: string;
	buildingId: string;
	householdId: string;
	residentId: string;
}

export async function directFilingLoad(
	databaseUrl: string,
	concurrency: number,
	seconds: number
): Promise<LoadResult> {
	const sql = postgres(databaseUrl, { max: APP_POOL_SIZE, onnotice: () => {} });
	try {
		const homes = await sql<Home[]>`
			select distinct on (u.id) u.site_id as "siteId", u.id as "unitId",
				u.building_id as "buildingId", h.id as "householdId", r.id as "residentId"
			from units u
			join households h on h.unit_id = u.id and h.moved_out_on is null
			join residents r on r.household_id = h.id and r.left_at is null
			order by u.id, r.phone`;
		const [device] = await sql<{ id: string }[]>`
			select id from devices where kind = 'kiosk' and revoked_at is null limit 1`;
		if (!homes.length || !device) throw new Error('no demo homes or kiosk to file with');
		// A prefix of its own: the floor's counter row is as hot as the app's, and its serials
		// never meet the app's.
		const prefix = `F-${new Date().toISOString().slice(0, 10).replaceAll('-', '')}`;

		return await closedLoop(concurrency, seconds, async (worker, i) => {
			const home = homes[worker % homes.length] as Home;
			const now = new Date();
			await sql.begin(async (tx) => {
				const [counter] = await tx<{ last: number }[]>`
					insert into ticket_serials (site_id, prefix, last) values (${home.siteId}, ${prefix}, 1)
					on conflict (site_id, prefix) do update set last = ticket_serials.last + 1
					returning last`;
				const serial = `${prefix}-${String(counter?.last).padStart(3, '0')}`;
				const [ticket] = await tx<{ id: string }[]>`
					insert into tickets (site_id, serial, type, category, priority, channel, building_id,
						unit_id, household_id, reporter_resident_id, description, created_by_device_id,
						idempotency_key, created_at, updated_at)
					values (${home.siteId}, ${serial}, 'repair', 'water', 'normal', 'kiosk',
						${home.buildingId}, ${home.unitId}, ${home.householdId}, ${home.residentId},
						${`bench floor ${worker} filing ${i}: the kitchen tap drips`}, ${device.id},
						${crypto.randomUUID()}, ${now}, ${now})
					returning id`;
				const [stream] = await tx<{ lastSeq: string }[]>`
					insert into event_streams (site_id, last_seq) values (${home.siteId}, 1)
					on conflict (site_id) do update set last_seq = event_streams.last_seq + 1
					returning last_seq as "lastSeq"`;
				await tx`
					insert into events (site_id, seq, ticket_id, type, actor_kind, actor_device_id,
						actor_resident_id, data, at)
					values (${home.siteId}, ${stream?.lastSeq ?? null}, ${ticket?.id ?? null}, 'ticket.filed',
						'device', ${device.id}, ${home.residentId},
						${sql.json({ serial, type: 'repair', category: 'water', channel: 'kiosk' })}, ${now})`;
			});
		});
	} finally {
		await sql.end({ timeout: 5 });
	}
}
