CREATE TABLE "platform"."tenant_usage" (
	"tenant_id" text NOT NULL,
	"day" date NOT NULL,
	"dossiers_received" integer NOT NULL,
	"dossiers_submitted" integer NOT NULL,
	"storage_bytes" bigint NOT NULL,
	"staff_seats" integer NOT NULL,
	"measured_at" timestamp with time zone NOT NULL,
	CONSTRAINT "tenant_usage_tenant_id_day_pk" PRIMARY KEY("tenant_id","day")
);
--> statement-breakpoint
ALTER TABLE "platform"."tenant_usage" ADD CONSTRAINT "tenant_usage_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "platform"."tenants"("id") ON DELETE no action ON UPDATE no action;