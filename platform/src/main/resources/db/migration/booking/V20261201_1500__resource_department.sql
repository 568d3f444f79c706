-- A bookable resource belongs to a department as well as a region (the facility's, or the one it was opened for):
-- opening slots and checking tickets in are checked against both, as every write is.
alter table booking.resource add column department text;
update booking.resource r set department = f.department from facility.facility f where f.id = r.facility_id;
update booking.resource set department = case when kind like '%court%' or kind like '%sport%' or kind like '%pitch%'
  then 'sports' else 'culture-tourism' end where department is null;
alter table booking.resource alter column department set not null;
