CREATE TABLE "dossier_code_counter" (
	"agency_id" uuid NOT NULL,
	"day" date NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "dossier_code_counter_agency_id_day_pk" PRIMARY KEY("agency_id","day")
);
--> statement-breakpoint
CREATE TABLE "dossier_event" (
	"id" uuid PRIMARY KEY NOT NULL,
	"dossier_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone NOT NULL,
	"note" text,
	"data" jsonb NOT NULL,
	CONSTRAINT "dossier_event_seq_uq" UNIQUE("dossier_id","seq")
);
--> statement-breakpoint
CREATE TABLE "dossier" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text,
	"procedure_id" uuid NOT NULL,
	"procedure_version" integer NOT NULL,
	"channel" text NOT NULL,
	"status" text NOT NULL,
	"applicant_id" uuid,
	"applicant" jsonb NOT NULL,
	"organization_id" uuid,
	"receiving_agency_id" uuid NOT NULL,
	"competent_agency_id" uuid NOT NULL,
	"handler_id" uuid,
	"form_data" jsonb NOT NULL,
	"state" jsonb NOT NULL,
	"received_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"idempotency_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossier_code_unique" UNIQUE("code"),
	CONSTRAINT "dossier_idempotency_uq" UNIQUE("applicant_id","idempotency_key")
);
--> statement-breakpoint
ALTER TABLE "dossier_code_counter" ADD CONSTRAINT "dossier_code_counter_agency_id_identity_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."identity_agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_event" ADD CONSTRAINT "dossier_event_dossier_id_dossier_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossier"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier" ADD CONSTRAINT "dossier_procedure_id_catalog_procedure_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."catalog_procedure"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier" ADD CONSTRAINT "dossier_applicant_id_identity_person_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."identity_person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier" ADD CONSTRAINT "dossier_organization_id_identity_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."identity_organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier" ADD CONSTRAINT "dossier_receiving_agency_id_identity_agency_id_fk" FOREIGN KEY ("receiving_agency_id") REFERENCES "public"."identity_agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier" ADD CONSTRAINT "dossier_competent_agency_id_identity_agency_id_fk" FOREIGN KEY ("competent_agency_id") REFERENCES "public"."identity_agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier" ADD CONSTRAINT "dossier_handler_id_identity_person_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."identity_person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossier_event_type_at_idx" ON "dossier_event" USING btree ("type","at");--> statement-breakpoint
CREATE INDEX "dossier_receiving_status_idx" ON "dossier" USING btree ("receiving_agency_id","status");--> statement-breakpoint
CREATE INDEX "dossier_competent_status_idx" ON "dossier" USING btree ("competent_agency_id","status");--> statement-breakpoint
CREATE INDEX "dossier_applicant_idx" ON "dossier" USING btree ("applicant_id");--> statement-breakpoint
CREATE INDEX "dossier_due_idx" ON "dossier" USING btree ("due_at");--> statement-breakpoint
CREATE INDEX "dossier_applicant_name_trgm_idx" ON "dossier" USING gin (f_search_key("applicant"->>'fullName') gin_trgm_ops);