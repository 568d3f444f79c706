-- A person's enrolments, open or ended, are read for every line of a declaration and every decision: without this
-- index each read scanned the whole table (bench/declarations.sh at 1,000,000 enrolments: minutes per declaration).
create index enrolment_person on insurance.enrolment (person_id);
