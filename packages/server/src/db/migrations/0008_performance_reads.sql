-- 0008: indexes for the credit page (docs/performance.md).
-- The ledger is listed newest first by entry id: this index reads a page directly instead of
-- sorting every current entry of the party.
create index credit_entries_ledger on credit_entries (party_kind, party_id, entry_id desc) where superseded_at is null;
-- E2 sums a shop's counted DSR ratings over six months: with the scores in the index, the sum is
-- an index-only scan (reviews_dsr is replaced by this one, which covers the same searches).
create index reviews_dsr_scores on reviews (seller_id, given_at) include (dsr_description, dsr_service, dsr_logistics)
  where dsr_counted;
drop index reviews_dsr;
