CREATE TABLE "identity_external_identity" (
	"provider" text NOT NULL,
	"subject" text NOT NULL,
	"person_id" uuid NOT NULL,
	"assurance_level" text,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "identity_external_identity_provider_subject_pk" PRIMARY KEY("provider","subject")
);
--> statement-breakpoint
CREATE TABLE "identity_oidc_client" (
	"client_id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"metadata" jsonb NOT NULL,
	"secret" text,
	"trusted" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disabled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "identity_oidc_payload" (
	"model" text NOT NULL,
	"id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"grant_id" text,
	"user_code" text,
	"uid" text,
	"expires_at" timestamp with time zone,
	"consumed_at" timestamp with time zone,
	CONSTRAINT "identity_oidc_payload_model_id_pk" PRIMARY KEY("model","id")
);
--> statement-breakpoint
CREATE TABLE "identity_one_time_token" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identity_organization" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tax_code" text NOT NULL,
	"name" text NOT NULL,
	"address_commune_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "identity_organization_tax_code_unique" UNIQUE("tax_code")
);
--> statement-breakpoint
CREATE TABLE "identity_person" (
	"id" uuid PRIMARY KEY NOT NULL,
	"full_name" text NOT NULL,
	"cccd" text,
	"date_of_birth" date,
	"email" text,
	"phone" text,
	"address_commune_code" text,
	"address_detail" text,
	"assurance_level" text DEFAULT 'level1' NOT NULL,
	"password_hash" text,
	"totp_secret" text,
	"totp_enabled_at" timestamp with time zone,
	"status" text DEFAULT 'active' NOT NULL,
	"email_verified_at" timestamp with time zone,
	"phone_verified_at" timestamp with time zone,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "identity_person_cccd_unique" UNIQUE("cccd"),
	CONSTRAINT "identity_person_email_unique" UNIQUE("email"),
	CONSTRAINT "identity_person_phone_unique" UNIQUE("phone")
);
--> statement-breakpoint
CREATE TABLE "identity_representative" (
	"organization_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"title" text,
	CONSTRAINT "identity_representative_organization_id_person_id_pk" PRIMARY KEY("organization_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "identity_role_assignment" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "identity_role_assignment_uq" UNIQUE("person_id","agency_id","role")
);
--> statement-breakpoint
CREATE TABLE "identity_signing_key" (
	"kid" text PRIMARY KEY NOT NULL,
	"private_jwk" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "identity_web_session" (
	"id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"person_id" uuid NOT NULL,
	"id_token" text,
	"user_agent" text,
	"ip" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "identity_web_session_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "platform_audit_log" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"subject_type" text,
	"subject_id" text,
	"ip" text,
	"details" jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "identity_external_identity" ADD CONSTRAINT "identity_external_identity_person_id_identity_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."identity_person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_one_time_token" ADD CONSTRAINT "identity_one_time_token_person_id_identity_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."identity_person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_representative" ADD CONSTRAINT "identity_representative_organization_id_identity_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."identity_organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_representative" ADD CONSTRAINT "identity_representative_person_id_identity_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."identity_person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_role_assignment" ADD CONSTRAINT "identity_role_assignment_person_id_identity_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."identity_person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_role_assignment" ADD CONSTRAINT "identity_role_assignment_agency_id_identity_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."identity_agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_web_session" ADD CONSTRAINT "identity_web_session_person_id_identity_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."identity_person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "identity_oidc_payload_grant_idx" ON "identity_oidc_payload" USING btree ("grant_id");--> statement-breakpoint
CREATE INDEX "identity_oidc_payload_uid_idx" ON "identity_oidc_payload" USING btree ("uid");--> statement-breakpoint
CREATE INDEX "identity_oidc_payload_expires_idx" ON "identity_oidc_payload" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "identity_person_name_trgm_idx" ON "identity_person" USING gin (f_unaccent(lower("full_name")) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "identity_web_session_person_idx" ON "identity_web_session" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "platform_audit_log_subject_idx" ON "platform_audit_log" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "platform_audit_log_actor_idx" ON "platform_audit_log" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "platform_audit_log_action_ip_idx" ON "platform_audit_log" USING btree ("action","ip","at");