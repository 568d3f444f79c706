-- Natural persons. The ID number and phone are stored AES-GCM encrypted; id_number_index is a keyed
-- HMAC-SHA256 of the normalised number (a blind index) so that exact lookups and the uniqueness rule work
-- without decrypting. Masked forms are stored for display; birth date and sex are derived from the number.
create schema if not exists person;

create table person.person (
  id                 uuid primary key,
  name               text        not null,
  id_number_cipher   bytea       not null,
  id_number_index    bytea       not null,
  id_number_masked   text        not null,
  birth_date         date        not null,
  sex                char(1)     not null check (sex in ('M', 'F')),
  phone_cipher       bytea,
  phone_masked       text,
  household_region   varchar(12) not null,
  residence_region   varchar(12) not null,
  generated          boolean     not null default false,
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now(),
  version            integer     not null default 0
);
create unique index person_id_number on person.person (id_number_index);
create index person_residence on person.person (residence_region text_pattern_ops);
create index person_household on person.person (household_region text_pattern_ops);
create index person_name on person.person (name text_pattern_ops);
