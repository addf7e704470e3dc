CREATE TABLE "files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"purpose" text NOT NULL,
	"owner_type" text,
	"owner_id" uuid,
	"attached_at" timestamp with time zone,
	"uploader_id" uuid,
	"uploader_name" text NOT NULL,
	"park_id" uuid,
	"enterprise_id" uuid,
	"original_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"thumbnail_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "files_purpose_ck" CHECK ("files"."purpose" in ('image', 'document')),
	CONSTRAINT "files_owner_ck" CHECK (("files"."owner_type" is null) = ("files"."owner_id" is null) and ("files"."owner_id" is null) = ("files"."attached_at" is null)),
	CONSTRAINT "files_owner_type_ck" CHECK ("files"."owner_type" is null or "files"."owner_type" ~ '^[a-z][a-z0-9_]{0,39}$'),
	CONSTRAINT "files_name_ck" CHECK (char_length("files"."original_name") between 1 and 255),
	CONSTRAINT "files_mime_ck" CHECK ("files"."mime_type" ~ '^[a-z]+/[a-z0-9.+-]+$'),
	CONSTRAINT "files_size_ck" CHECK ("files"."size" > 0),
	CONSTRAINT "files_sha256_ck" CHECK ("files"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "files_keys_ck" CHECK ("files"."storage_key" <> '' and ("files"."thumbnail_key" is null or "files"."thumbnail_key" <> "files"."storage_key"))
);
--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_uploader_id_users_id_fk" FOREIGN KEY ("uploader_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "files_storage_key_uq" ON "files" USING btree ("storage_key");--> statement-breakpoint
CREATE INDEX "files_owner_idx" ON "files" USING btree ("owner_type","owner_id");--> statement-breakpoint
CREATE INDEX "files_unattached_idx" ON "files" USING btree ("created_at") WHERE "files"."owner_type" is null;--> statement-breakpoint
CREATE INDEX "files_uploader_idx" ON "files" USING btree ("uploader_id");