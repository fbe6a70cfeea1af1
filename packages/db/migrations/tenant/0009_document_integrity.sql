CREATE TABLE "procedure_templates" (
	"procedure_id" text NOT NULL,
	"file_name" text NOT NULL,
	"storage_key" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "procedure_templates_procedure_id_file_name_pk" PRIMARY KEY("procedure_id","file_name")
);
--> statement-breakpoint
ALTER TABLE "procedure_templates" ADD CONSTRAINT "procedure_templates_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossier_documents_pending_idx" ON "dossier_documents" USING btree ("created_at") WHERE status = 'pending';