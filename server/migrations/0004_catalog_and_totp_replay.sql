CREATE TABLE "catalog_procedure_version" (
	"id" uuid PRIMARY KEY NOT NULL,
	"procedure_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"is_current" boolean NOT NULL,
	"name" jsonb NOT NULL,
	"field" text,
	"levels" text[] NOT NULL,
	"competent_authority" text,
	"competent_agency_id" uuid,
	"receiving_places" text,
	"applicant_types" text[] NOT NULL,
	"conditions" text,
	"legal_basis" jsonb,
	"result_type" text NOT NULL,
	"results" jsonb NOT NULL,
	"online_type" text NOT NULL,
	"partial_reason" text,
	"channels" text[] NOT NULL,
	"processing_time" jsonb,
	"processing_time_text" text,
	"fees" jsonb NOT NULL,
	"fee_text" text,
	"level2_fee_waived" boolean DEFAULT false NOT NULL,
	"documents" jsonb NOT NULL,
	"eform" jsonb,
	"source" text NOT NULL,
	"raw" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "catalog_procedure_version_uq" UNIQUE("procedure_id","version")
);
--> statement-breakpoint
CREATE TABLE "catalog_procedure" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"current_version" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_procedure_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "identity_person" ADD COLUMN "totp_last_step" bigint;--> statement-breakpoint
ALTER TABLE "catalog_procedure_version" ADD CONSTRAINT "catalog_procedure_version_procedure_id_catalog_procedure_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."catalog_procedure"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_procedure_version" ADD CONSTRAINT "catalog_procedure_version_competent_agency_id_identity_agency_id_fk" FOREIGN KEY ("competent_agency_id") REFERENCES "public"."identity_agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "catalog_version_name_trgm_idx" ON "catalog_procedure_version" USING gin (f_unaccent(lower("name"->>'vi')) gin_trgm_ops) WHERE "catalog_procedure_version"."is_current";--> statement-breakpoint
CREATE INDEX "catalog_version_current_idx" ON "catalog_procedure_version" USING btree ("procedure_id") WHERE "catalog_procedure_version"."is_current";