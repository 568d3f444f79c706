-- Who submitted a data set and who approved it at the county: nobody approves figures they submitted (or approved
-- at the level below) themselves.
alter table planning.entry add column submitted_by text, add column county_approved_by text;
