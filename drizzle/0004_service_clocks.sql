CREATE TABLE "service_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"at_risk" jsonb NOT NULL,
	"clocks" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_staff_id" uuid,
	CONSTRAINT "service_policies_site_version" UNIQUE("site_id","version")
);
--> statement-breakpoint
CREATE TABLE "ticket_clocks" (
	"ticket_id" uuid NOT NULL,
	"clock_key" text NOT NULL,
	"cycle" integer NOT NULL,
	"site_id" uuid NOT NULL,
	"policy_version" integer NOT NULL,
	"measure" text NOT NULL,
	"target_ms" bigint NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"stopped_at" timestamp with time zone,
	"paused_at" timestamp with time zone,
	"paused_left_ms" bigint,
	"deadline_at" timestamp with time zone,
	"at_risk_at" timestamp with time zone,
	"escalate_to" text[] DEFAULT '{}'::text[] NOT NULL,
	"warned_at" timestamp with time zone,
	"breached_at" timestamp with time zone,
	CONSTRAINT "ticket_clocks_ticket_id_clock_key_cycle_pk" PRIMARY KEY("ticket_id","clock_key","cycle")
);
--> statement-breakpoint
ALTER TABLE "service_policies" ADD CONSTRAINT "service_policies_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_policies" ADD CONSTRAINT "service_policies_created_by_staff_id_staff_users_id_fk" FOREIGN KEY ("created_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_clocks" ADD CONSTRAINT "ticket_clocks_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_clocks" ADD CONSTRAINT "ticket_clocks_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ticket_clocks_running" ON "ticket_clocks" USING btree ("at_risk_at") WHERE "ticket_clocks"."stopped_at" is null and "ticket_clocks"."paused_at" is null and "ticket_clocks"."breached_at" is null;--> statement-breakpoint
CREATE INDEX "ticket_clocks_site" ON "ticket_clocks" USING btree ("site_id");