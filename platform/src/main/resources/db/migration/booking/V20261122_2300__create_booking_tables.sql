-- Bookable resources (a court, a museum's time slots, library seats), their slots with a capacity, and
-- residents' bookings. A place is taken by one conditional update of the slot (booked < capacity), so two
-- residents can never both get the last place.
create schema if not exists booking;

create table booking.resource (
  id               uuid primary key,
  name             text        not null,
  kind             text        not null,
  region_code      varchar(12) not null,
  facility_id      uuid,
  slot_capacity    integer     not null check (slot_capacity > 0),
  fee_cents        integer     not null default 0 check (fee_cents >= 0),
  daily_limit      integer     not null default 1 check (daily_limit > 0),
  cancel_hours     integer     not null default 2 check (cancel_hours >= 0),
  generated        boolean     not null default false,
  created_at       timestamptz not null default now()
);
create index resource_region on booking.resource (region_code text_pattern_ops);

create table booking.slot (
  id          uuid primary key,
  resource_id uuid        not null references booking.resource (id),
  starts_at   timestamptz not null,
  ends_at     timestamptz not null,
  capacity    integer     not null check (capacity > 0),
  booked      integer     not null default 0,
  extended    boolean     not null default false,
  check (booked >= 0 and booked <= capacity),
  unique (resource_id, starts_at)
);

create table booking.booking (
  id            uuid primary key,
  slot_id       uuid        not null references booking.slot (id),
  resource_id   uuid        not null,
  person        uuid        not null,
  day           date        not null,
  status        text        not null check (status in ('CONFIRMED', 'CANCELLED', 'CHECKED_IN', 'NO_SHOW')),
  ticket        text        not null unique,
  created_at    timestamptz not null default now(),
  cancelled_at  timestamptz,
  checked_in_at timestamptz
);
create unique index booking_once_per_slot on booking.booking (slot_id, person) where status in ('CONFIRMED', 'CHECKED_IN');
create index booking_person on booking.booking (person, created_at desc);
create index booking_person_day on booking.booking (person, resource_id, day) where status in ('CONFIRMED', 'CHECKED_IN');
