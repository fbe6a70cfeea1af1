DROP INDEX "outbox_pending_idx";--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "recipient" text GENERATED ALWAYS AS (lower(payload ->> 'to')) STORED;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "leased_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "given_up_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "given_up_reason" text;--> statement-breakpoint
CREATE INDEX "outbox_recipient_pending_idx" ON "outbox" USING btree ("recipient","id") WHERE sent_at is null and given_up_at is null;--> statement-breakpoint
CREATE INDEX "outbox_given_up_idx" ON "outbox" USING btree ("given_up_at") WHERE given_up_at is not null;--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "outbox" USING btree ("next_attempt_at") WHERE sent_at is null and given_up_at is null;