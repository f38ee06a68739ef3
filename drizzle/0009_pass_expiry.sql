ALTER TYPE "public"."release_pass_status" ADD VALUE 'expired';--> statement-breakpoint
ALTER TABLE "release_passes" ADD COLUMN "expired_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "release_passes_open" ON "release_passes" USING btree ("site_id","carry_on") WHERE "release_passes"."status" in ('pending', 'approved');