-- The payment run walks awards in the order they were written (a sequence, close to the table's physical order)
-- instead of by random UUIDs: at 1,000,000 awards the UUID order visited the heap at random (bench/payments.sh).
alter table insurance.award add column seq bigint generated always as identity;
create unique index award_seq on insurance.award (seq);
alter table insurance.payment_run add column cursor_seq bigint;
-- Payments are written only by the run's own INSERT … SELECT from the awards and the run it created a moment before:
-- the two foreign keys cost a look-up per row and guarded nothing that statement cannot break.
alter table insurance.payment drop constraint payment_award_id_fkey;
alter table insurance.payment drop constraint payment_run_id_fkey;
alter table insurance.payment_run drop column cursor;
