-- 0007: indexes for the credit recount and batch ingest (docs/performance.md).
-- A recount loads the current ledger entries of one buyer–seller pair and direction; without this
-- index it scanned every current entry of the seller.
create index credit_entries_pair on credit_entries (seller_id, buyer_id, by_party) where superseded_at is null;
