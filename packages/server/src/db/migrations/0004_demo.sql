-- 0004: the record of a demo marketplace built by `xinyu demo`, so that a second start reuses it.
-- One row: 'building' while the build runs (an interrupted build leaves it so), then 'ready'.

create table demo_meta (
  demo_id text primary key,
  status text not null check (status in ('building', 'ready')),
  seed bigint not null,
  -- Sizes asked for: shops, buyers, orders.
  options jsonb not null,
  -- The simulated history spans [started_at, ended_at]; built_at is the wall-clock end of the build.
  started_at timestamptz not null,
  ended_at timestamptz not null,
  built_at timestamptz,
  build_ms integer,
  -- Display names of shops and items, the sign-ins to show, and counts of what happened.
  details jsonb not null default '{}'
);
