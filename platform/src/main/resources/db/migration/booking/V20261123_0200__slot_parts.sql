-- A popular slot (a museum's Saturday morning) is booked by hundreds at once. With one counter per slot every
-- booking queued on that row's lock until its commit was flushed: 67 bookings/s on one hot slot (bench/facilities.sh).
-- The places of a slot are now split over up to 16 part rows; a booking takes a place in a part that nobody else
-- is taking at that moment (FOR UPDATE SKIP LOCKED), so commits overlap. The slot's places are the parts' sum.
create table booking.slot_part (
  slot_id  uuid     not null references booking.slot (id),
  part     smallint not null,
  capacity integer  not null check (capacity > 0),
  booked   integer  not null default 0,
  check (booked >= 0 and booked <= capacity),
  primary key (slot_id, part)
);
insert into booking.slot_part (slot_id, part, capacity, booked) select id, 0, capacity, booked from booking.slot;
alter table booking.booking add column part smallint not null default 0;
alter table booking.slot drop column booked;
