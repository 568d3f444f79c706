-- A booking sent again after its answer was lost carries the same client key and gets the booking the first one made.
alter table booking.booking add column idempotency_key text;
create unique index booking_idempotency on booking.booking (person, idempotency_key) where idempotency_key is not null;
