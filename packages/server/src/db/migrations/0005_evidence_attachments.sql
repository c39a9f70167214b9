-- 0005: evidence attachments (I2): images with their media type, and chat excerpts.
create table refund_evidence_attachments (
  evidence_id bigint not null references refund_evidence,
  position integer not null,
  kind text not null,
  media_type text,
  byte_size integer,
  content bytea,
  messages jsonb,
  primary key (evidence_id, position)
);
