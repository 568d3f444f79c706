-- The SUPERVISOR role (效能监督) existed in the code but not in the check, so opening a supervisor failed.
-- The constraint is recreated from the Role enum's values.
alter table identity.account_role drop constraint account_role_role_check;
alter table identity.account_role add constraint account_role_role_check
  check (role in ('ADMIN', 'CLERK', 'OFFICER', 'PLANNER', 'AGENT', 'SUPERVISOR', 'AUDITOR'));
