-- A death registered in the person registry (by the civil-affairs or public-security office covering the resident);
-- services that pay or hold something for the person react to it.
alter table person.person add column died_on date;
