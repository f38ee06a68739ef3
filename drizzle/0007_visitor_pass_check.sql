-- A pass's check code: printed beside its number and held in its QR code; the kiosk signs a
-- visitor out only with it, so a guessed number signs nobody out.
ALTER TABLE "visits" ADD COLUMN "pass_check" text;--> statement-breakpoint
-- Passes issued before this: a random code each (the subquery names the row, so it runs per row).
UPDATE "visits" SET "pass_check" = (
	SELECT string_agg(substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 1 + floor(random() * 31)::int, 1), '')
	FROM generate_series(1, 4) WHERE "visits"."id" IS NOT NULL
) WHERE "pass_number" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_pass_check" CHECK (("visits"."pass_number" is null) = ("visits"."pass_check" is null));
