-- The eight digits of a case number come from this sequence (spread by a bijection, CaseFiles.nextNumber): random
-- digits collided within a busy county's day — with 5,000 cases in one county a day, one run in seven — and the
-- resident got a 500.
create sequence casework.case_number minvalue 0 maxvalue 99999999 start with 0 cycle;
