-- Everyday words people type for a life event ("生孩子" for 出生一件事), searched like items' synonyms.
alter table catalogue.life_event add column synonyms text[] not null default '{}';
