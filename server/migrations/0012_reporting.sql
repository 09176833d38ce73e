CREATE TABLE "reporting_assessment_score" (
	"id" uuid PRIMARY KEY NOT NULL,
	"assessment_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"self_score" real,
	"explanation" text,
	"evidence" jsonb NOT NULL,
	"reviewed_score" real,
	"review_note" text,
	CONSTRAINT "reporting_assessment_score_uq" UNIQUE("assessment_id","indicator_id")
);
--> statement-breakpoint
CREATE TABLE "reporting_assessment" (
	"id" uuid PRIMARY KEY NOT NULL,
	"set_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"status" text NOT NULL,
	"submitted_at" timestamp with time zone,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	CONSTRAINT "reporting_assessment_uq" UNIQUE("set_id","agency_id")
);
--> statement-breakpoint
CREATE TABLE "reporting_index_config" (
	"id" uuid PRIMARY KEY NOT NULL,
	"effective_from" date NOT NULL,
	"basis" text NOT NULL,
	"config" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	CONSTRAINT "reporting_index_config_effective_from_unique" UNIQUE("effective_from")
);
--> statement-breakpoint
CREATE TABLE "reporting_kpi_value" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kpi_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"value" real NOT NULL,
	"note" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reporting_kpi_value_uq" UNIQUE("kpi_id","year")
);
--> statement-breakpoint
CREATE TABLE "reporting_kpi" (
	"id" uuid PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"measure" text,
	"targets" jsonb NOT NULL,
	CONSTRAINT "reporting_kpi_uq" UNIQUE("plan_id","code")
);
--> statement-breakpoint
CREATE TABLE "reporting_plan_group" (
	"id" uuid PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "reporting_plan_group_uq" UNIQUE("plan_id","code")
);
--> statement-breakpoint
CREATE TABLE "reporting_plan_reminder" (
	"plan_id" uuid NOT NULL,
	"period" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reporting_plan_reminder_uq" UNIQUE("plan_id","period","agency_id","kind")
);
--> statement-breakpoint
CREATE TABLE "reporting_plan_task" (
	"id" uuid PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"lead_agency_id" uuid,
	"lead_text" text,
	"coordinating" text,
	"deadline" date,
	"deadline_text" text,
	"status" text NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reporting_plan_task_uq" UNIQUE("plan_id","code")
);
--> statement-breakpoint
CREATE TABLE "reporting_plan" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"issued_on" date NOT NULL,
	"issuer" text NOT NULL,
	"from_year" integer NOT NULL,
	"to_year" integer NOT NULL,
	"lead_agency_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reporting_plan_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "reporting_scorecard_indicator" (
	"id" uuid PRIMARY KEY NOT NULL,
	"set_id" uuid NOT NULL,
	"pillar" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"max_points" real NOT NULL,
	"evidence_required" text,
	"measure" text,
	"position" integer NOT NULL,
	CONSTRAINT "reporting_scorecard_indicator_uq" UNIQUE("set_id","code")
);
--> statement-breakpoint
CREATE TABLE "reporting_scorecard_set" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"subject_kind" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reporting_scorecard_set_uq" UNIQUE("code","year")
);
--> statement-breakpoint
CREATE TABLE "reporting_task_report" (
	"id" uuid PRIMARY KEY NOT NULL,
	"task_id" uuid NOT NULL,
	"reported_on" date NOT NULL,
	"status" text NOT NULL,
	"progress" integer NOT NULL,
	"note" text,
	"evidence" jsonb NOT NULL,
	"reported_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dossier_event" ADD COLUMN "due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dossier" ADD COLUMN "returned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dossier" ADD COLUMN "return_method" text;--> statement-breakpoint
ALTER TABLE "dossier" ADD COLUMN "result" text;--> statement-breakpoint
ALTER TABLE "dossier" ADD COLUMN "stopped_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dossier" ADD COLUMN "supplement_requests" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dossier" ADD COLUMN "outcome_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dossier" ADD COLUMN "outcome" text;--> statement-breakpoint
ALTER TABLE "dossier" ADD COLUMN "working_days_taken" real;--> statement-breakpoint
ALTER TABLE "reporting_assessment_score" ADD CONSTRAINT "reporting_assessment_score_assessment_id_reporting_assessment_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."reporting_assessment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_assessment_score" ADD CONSTRAINT "reporting_assessment_score_indicator_id_reporting_scorecard_indicator_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."reporting_scorecard_indicator"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_assessment" ADD CONSTRAINT "reporting_assessment_set_id_reporting_scorecard_set_id_fk" FOREIGN KEY ("set_id") REFERENCES "public"."reporting_scorecard_set"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_assessment" ADD CONSTRAINT "reporting_assessment_agency_id_identity_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."identity_agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_kpi_value" ADD CONSTRAINT "reporting_kpi_value_kpi_id_reporting_kpi_id_fk" FOREIGN KEY ("kpi_id") REFERENCES "public"."reporting_kpi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_kpi" ADD CONSTRAINT "reporting_kpi_plan_id_reporting_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."reporting_plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_plan_group" ADD CONSTRAINT "reporting_plan_group_plan_id_reporting_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."reporting_plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_plan_reminder" ADD CONSTRAINT "reporting_plan_reminder_plan_id_reporting_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."reporting_plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_plan_reminder" ADD CONSTRAINT "reporting_plan_reminder_agency_id_identity_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."identity_agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_plan_task" ADD CONSTRAINT "reporting_plan_task_plan_id_reporting_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."reporting_plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_plan_task" ADD CONSTRAINT "reporting_plan_task_group_id_reporting_plan_group_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."reporting_plan_group"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_plan_task" ADD CONSTRAINT "reporting_plan_task_lead_agency_id_identity_agency_id_fk" FOREIGN KEY ("lead_agency_id") REFERENCES "public"."identity_agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_plan" ADD CONSTRAINT "reporting_plan_lead_agency_id_identity_agency_id_fk" FOREIGN KEY ("lead_agency_id") REFERENCES "public"."identity_agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_scorecard_indicator" ADD CONSTRAINT "reporting_scorecard_indicator_set_id_reporting_scorecard_set_id_fk" FOREIGN KEY ("set_id") REFERENCES "public"."reporting_scorecard_set"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_task_report" ADD CONSTRAINT "reporting_task_report_task_id_reporting_plan_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."reporting_plan_task"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reporting_plan_task_lead_idx" ON "reporting_plan_task" USING btree ("lead_agency_id");--> statement-breakpoint
CREATE INDEX "reporting_task_report_task_idx" ON "reporting_task_report" USING btree ("task_id","reported_on");--> statement-breakpoint
CREATE INDEX "dossier_file_reused_idx" ON "dossier_file" USING btree ("dossier_id") WHERE "dossier_file"."reused_from_id" is not null;--> statement-breakpoint
CREATE INDEX "dossier_received_at_idx" ON "dossier" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "dossier_outcome_at_idx" ON "dossier" USING btree ("outcome_at");--> statement-breakpoint
-- Backfill the statistics copies from the lifecycle state of dossiers filed before them;
-- `outcome` needs the lifecycle rules and is filled in by the app at start (facts.ts).
UPDATE "dossier" SET
  "returned_at" = ("state"->>'returnedAt')::timestamptz,
  "return_method" = "state"->>'returnMethod',
  "result" = "state"->>'result',
  "stopped_at" = ("state"->>'stoppedAt')::timestamptz,
  "supplement_requests" = coalesce(("state"->>'supplementRequests')::int, 0);
--> statement-breakpoint
UPDATE "dossier_event" e SET "due_at" = d."due_at"
FROM "dossier" d
WHERE e."dossier_id" = d."id" AND d."received_at" IS NOT NULL AND e."at" >= d."received_at"
  AND e."type" IN ('receive', 'request_supplement', 'supply', 'assign', 'transfer', 'consult',
                   'approve', 'refuse', 'extend', 'withdraw', 'suspend', 'return_result');
