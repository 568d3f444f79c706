-- Which office of a department at a region takes its cases is recorded, not inferred: before, routing took the first
-- office by name, so any new office whose name sorted first received a county's cases. Existing data: the bureau
-- (kind OFFICE) before halls, then the oldest.
alter table organisation.office add column handles_cases boolean not null default false;
update organisation.office o set handles_cases = true
  from (select distinct on (department, region_code) id from organisation.office
        order by department, region_code, (kind = 'OFFICE') desc, created_at, id) first
  where o.id = first.id;
create unique index office_handling_cases on organisation.office (department, region_code) where handles_cases;
