-- 招聘会: a fair the labour bureau holds on a day at a place (or online); units book booths and seekers register for
-- entry through the booking module (one resource and one slot each), so tickets, check-in and limits are the booking's.
create table employment.job_fair (
  id             uuid primary key,
  name           text        not null,
  region_code    varchar(12) not null,
  day            date        not null,
  place          text        not null,
  online         boolean     not null default false,
  booth_resource uuid        not null,
  booth_slot     uuid        not null,
  entry_resource uuid        not null,
  entry_slot     uuid        not null,
  created_by     text        not null,
  created_at     timestamptz not null default now()
);
create index job_fair_day on employment.job_fair (day, region_code);

create table employment.fair_booth (
  fair_id    uuid        not null references employment.job_fair (id),
  unit_id    uuid        not null,
  unit_name  text        not null,
  booking_id uuid        not null unique,
  booked_by  text        not null,
  booked_at  timestamptz not null default now(),
  primary key (fair_id, unit_id)
);
