ALTER TABLE "audit_entry" ADD COLUMN "chain_seq" bigint;--> statement-breakpoint
ALTER TABLE "audit_entry" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "audit_entry" ADD COLUMN "hash" text;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_entry_chain_seq_index" ON "audit_entry" USING btree ("chain_seq");