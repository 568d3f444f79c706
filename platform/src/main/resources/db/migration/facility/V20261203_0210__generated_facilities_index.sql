-- "Are any generated facilities stored?" is asked for every shared fact value (the label on the exchange's records
-- and the cockpit). Without generated facilities it scanned the whole table each time; this index answers at once.
create index facility_generated on facility.facility (id) where generated;
