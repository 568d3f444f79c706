-- 成立日期 from the business licence, when the clerk gives it; rules such as "正常经营6个月以上" count from it, or from
-- the day the unit was registered here when it is not given.
alter table unit.unit add column established_on date;
