CREATE TABLE "admin_unit_succession" (
	"successor_id" uuid NOT NULL,
	"predecessor_id" uuid NOT NULL,
	"extent" text NOT NULL,
	"effective_on" date NOT NULL,
	CONSTRAINT "admin_unit_succession_uq" UNIQUE("successor_id","predecessor_id")
);
--> statement-breakpoint
CREATE TABLE "admin_unit" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text NOT NULL,
	"type" text NOT NULL,
	"level" text NOT NULL,
	"parent_code" text,
	"province_code" text NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"source" text NOT NULL,
	CONSTRAINT "admin_unit_version_uq" UNIQUE NULLS NOT DISTINCT("level","code","valid_to")
);
--> statement-breakpoint
CREATE TABLE "identity_agency" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	"kind" text NOT NULL,
	"level" text NOT NULL,
	"parent_id" uuid,
	"admin_unit_code" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "identity_agency_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "admin_unit_succession" ADD CONSTRAINT "admin_unit_succession_successor_id_admin_unit_id_fk" FOREIGN KEY ("successor_id") REFERENCES "public"."admin_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_unit_succession" ADD CONSTRAINT "admin_unit_succession_predecessor_id_admin_unit_id_fk" FOREIGN KEY ("predecessor_id") REFERENCES "public"."admin_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_agency" ADD CONSTRAINT "identity_agency_parent_id_identity_agency_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."identity_agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "admin_unit_succession_pred_idx" ON "admin_unit_succession" USING btree ("predecessor_id");--> statement-breakpoint
CREATE INDEX "admin_unit_province_idx" ON "admin_unit" USING btree ("province_code","level");--> statement-breakpoint
CREATE INDEX "admin_unit_name_trgm_idx" ON "admin_unit" USING gin (f_unaccent(lower("name")) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "identity_agency_parent_idx" ON "identity_agency" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "identity_agency_unit_idx" ON "identity_agency" USING btree ("admin_unit_code");--> statement-breakpoint
CREATE INDEX "identity_agency_name_trgm_idx" ON "identity_agency" USING gin (f_unaccent(lower("name"->>'vi')) gin_trgm_ops);