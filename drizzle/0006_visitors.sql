CREATE TYPE "public"."id_document_type" AS ENUM('resident_id', 'hk_macau_permit', 'taiwan_permit', 'passport', 'other');--> statement-breakpoint
CREATE TYPE "public"."visit_at_desk_reason" AS ENUM('host_silent', 'visitor_blocked', 'desk_takeover');--> statement-breakpoint
CREATE TYPE "public"."visit_purpose" AS ENUM('visit_family', 'delivery', 'maintenance', 'housekeeping', 'house_viewing', 'other');--> statement-breakpoint
CREATE TYPE "public"."visit_status" AS ENUM('invited', 'waiting_host', 'at_desk', 'approved', 'refused', 'signed_out', 'auto_signed_out', 'expired', 'cancelled');--> statement-breakpoint
CREATE TABLE "visitor_blocks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"id_type" "id_document_type",
	"id_last4" text,
	"id_hash" text,
	"reason" text NOT NULL,
	"created_by_staff_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lifted_at" timestamp with time zone,
	"lifted_by_staff_id" uuid,
	CONSTRAINT "visitor_blocks_match" CHECK ("visitor_blocks"."phone" is not null or "visitor_blocks"."id_hash" is not null)
);
--> statement-breakpoint
CREATE TABLE "visitor_profiles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"phone" text NOT NULL,
	"name" text NOT NULL,
	"id_type" "id_document_type" NOT NULL,
	"id_last4" text NOT NULL,
	"id_hash" text NOT NULL,
	"last_unit_id" uuid,
	"last_host_surname" text,
	"last_purpose" "visit_purpose",
	"last_purpose_text" text,
	"last_party" integer DEFAULT 1 NOT NULL,
	"last_visit_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"household_id" uuid,
	"status" "visit_status" NOT NULL,
	"at_desk_reason" "visit_at_desk_reason",
	"name" text,
	"phone" text,
	"id_type" "id_document_type",
	"id_last4" text,
	"id_hash" text,
	"host_surname" text,
	"purpose" "visit_purpose" NOT NULL,
	"purpose_text" text,
	"party" integer DEFAULT 1 NOT NULL,
	"note" text,
	"visit_date" date,
	"invite_code" text,
	"invited_by_resident_id" uuid,
	"invited_by_staff_id" uuid,
	"kiosk_id" uuid,
	"idempotency_key" text,
	"pass_number" text,
	"decided_at" timestamp with time zone,
	"decided_by_staff_id" uuid,
	"decided_by_resident_id" uuid,
	"approved_at" timestamp with time zone,
	"signed_out_at" timestamp with time zone,
	"signed_out_by_staff_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"anonymised_at" timestamp with time zone,
	CONSTRAINT "visits_party" CHECK ("visits"."party" between 1 and 10)
);
--> statement-breakpoint
ALTER TABLE "installation" ADD COLUMN "secret" text DEFAULT replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '') NOT NULL;--> statement-breakpoint
ALTER TABLE "visitor_blocks" ADD CONSTRAINT "visitor_blocks_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visitor_blocks" ADD CONSTRAINT "visitor_blocks_created_by_staff_id_staff_users_id_fk" FOREIGN KEY ("created_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visitor_blocks" ADD CONSTRAINT "visitor_blocks_lifted_by_staff_id_staff_users_id_fk" FOREIGN KEY ("lifted_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visitor_profiles" ADD CONSTRAINT "visitor_profiles_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visitor_profiles" ADD CONSTRAINT "visitor_profiles_last_unit_id_units_id_fk" FOREIGN KEY ("last_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_invited_by_resident_id_residents_id_fk" FOREIGN KEY ("invited_by_resident_id") REFERENCES "public"."residents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_invited_by_staff_id_staff_users_id_fk" FOREIGN KEY ("invited_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_kiosk_id_devices_id_fk" FOREIGN KEY ("kiosk_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_decided_by_staff_id_staff_users_id_fk" FOREIGN KEY ("decided_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_decided_by_resident_id_residents_id_fk" FOREIGN KEY ("decided_by_resident_id") REFERENCES "public"."residents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_signed_out_by_staff_id_staff_users_id_fk" FOREIGN KEY ("signed_out_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "visitor_blocks_site" ON "visitor_blocks" USING btree ("site_id");--> statement-breakpoint
CREATE UNIQUE INDEX "visitor_profiles_site_phone" ON "visitor_profiles" USING btree ("site_id","phone");--> statement-breakpoint
CREATE INDEX "visits_site_status" ON "visits" USING btree ("site_id","status");--> statement-breakpoint
CREATE INDEX "visits_site_created" ON "visits" USING btree ("site_id","created_at");--> statement-breakpoint
CREATE INDEX "visits_id_hash" ON "visits" USING btree ("site_id","id_hash");--> statement-breakpoint
CREATE INDEX "visits_phone" ON "visits" USING btree ("site_id","phone");--> statement-breakpoint
CREATE UNIQUE INDEX "visits_site_pass" ON "visits" USING btree ("site_id","pass_number");--> statement-breakpoint
CREATE UNIQUE INDEX "visits_site_invite_code" ON "visits" USING btree ("site_id","invite_code");--> statement-breakpoint
CREATE UNIQUE INDEX "visits_site_idempotency_key" ON "visits" USING btree ("site_id","idempotency_key");