-- A password an administrator has seen (a generated one, shown once on the staff page or the console) must be
-- replaced by its owner at the first sign-in before any staff page opens.
alter table identity.account add column password_change_required boolean not null default false;
