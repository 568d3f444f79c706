-- A resident's typed application, kept when it cannot be submitted yet (the account waits for its registry record, or
-- the resident saves it to finish later): never lost. One per person and item (or life event).
create table casework.draft (
  owner    text        not null,
  form_key text        not null,
  fields   jsonb       not null,
  saved_at timestamptz not null default now(),
  primary key (owner, form_key)
);
