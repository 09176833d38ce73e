ALTER TABLE "dossier" ADD COLUMN "rating" integer;--> statement-breakpoint
ALTER TABLE "dossier" ADD COLUMN "rating_comment" text;--> statement-breakpoint
ALTER TABLE "dossier" ADD COLUMN "rated_at" timestamp with time zone;