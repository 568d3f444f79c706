-- A facility's supervising department (its type's) is kept on the row so that lists and exports can be filtered by
-- region and department together, as one record is: an 人社 officer listed every kindergarten of the county before.
-- Types never change department (codes are never reused), so the trigger fills it once, from the type.
alter table facility.facility add column department text;
update facility.facility f set department = t.department from facility.type t where t.code = f.type;
alter table facility.facility alter column department set not null;

create function facility.department_of_type() returns trigger language plpgsql as $$
begin
  new.department := (select department from facility.type where code = new.type);
  return new;
end $$;
create trigger facility_department before insert or update of type on facility.facility
  for each row execute function facility.department_of_type();
