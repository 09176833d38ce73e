DROP INDEX "dossier_receiving_open_due_idx";--> statement-breakpoint
DROP INDEX "dossier_competent_open_due_idx";--> statement-breakpoint
CREATE INDEX "dossier_receiving_queue_due_idx" ON "dossier" USING btree ("receiving_agency_id","due_at") WHERE "dossier"."status" IN ('received', 'in_progress', 'supplement_requested', 'finished');--> statement-breakpoint
CREATE INDEX "dossier_competent_queue_due_idx" ON "dossier" USING btree ("competent_agency_id","due_at") WHERE "dossier"."status" IN ('received', 'in_progress', 'supplement_requested', 'finished');