import { boolean, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { deviceKind, displayAudience, staffRole } from './enums.js';
import { createdAt, id, instant } from './columns.js';
import { sites } from './sites.js';

export const staffUsers = pgTable('staff_users', {
	id: id(),
	/** Stored lower-case; people sign in with it. */
	username: text('username').notNull().unique(),
	displayName: text('display_name').notNull(),
	phone: text('phone'),
	/** argon2id; null until a password is set. */
	passwordHash: text('password_hash'),
	mustChangePassword: boolean('must_change_password').notNull().default(false),
	disabledAt: instant('disabled_at'),
	createdAt: createdAt()
});

/** One role per person per site. */
export const staffRoles = pgTable(
	'staff_roles',
	{
		userId: uuid('user_id')
			.notNull()
			.references(() => staffUsers.id),
		siteId: uuid('site_id')
			.notNull()
			.references(() => sites.id),
		role: staffRole('role').notNull()
	},
	(t) => [primaryKey({ columns: [t.userId, t.siteId] }), index('staff_roles_site').on(t.siteId)]
);

/** Staff sign-in sessions. The id is the SHA-256 of the token; the token itself is never stored. */
export const sessions = pgTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		userId: uuid('user_id')
			.notNull()
			.references(() => staffUsers.id),
		expiresAt: instant('expires_at').notNull(),
		createdAt: createdAt(),
		lastSeenAt: instant('last_seen_at').notNull().defaultNow(),
		userAgent: text('user_agent').notNull().default(''),
		ipAddress: text('ip_address').notNull().default('')
	},
	(t) => [index('sessions_user').on(t.userId)]
);

/** A kiosk or wall display of one site, paired with a one-time code, holding a hashed token. */
export const devices = pgTable(
	'devices',
	{
		id: id(),
		siteId: uuid('site_id')
			.notNull()
			.references(() => sites.id),
		kind: deviceKind('kind').notNull(),
		audience: displayAudience('audience').notNull().default('lobby'),
		name: text('name').notNull(),
		tokenHash: text('token_hash').unique(),
		pairingCodeHash: text('pairing_code_hash').unique(),
		pairingExpiresAt: instant('pairing_expires_at'),
		pairedAt: instant('paired_at'),
		lastSeenAt: instant('last_seen_at'),
		revokedAt: instant('revoked_at'),
		createdBy: uuid('created_by').references(() => staffUsers.id),
		createdAt: createdAt()
	},
	(t) => [index('devices_site').on(t.siteId)]
);

/** Failed sign-ins per account (`user:<name>`) and per address (`ip:<address>`). */
export const signInThrottles = pgTable('sign_in_throttles', {
	key: text('key').primaryKey(),
	failures: integer('failures').notNull(),
	windowStart: instant('window_start').notNull(),
	lockedUntil: instant('locked_until')
});
