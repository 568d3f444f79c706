-- 数据回流: a station reads the shared changes concerning the people of its region, newest first.
create index outbox_region on exchange.outbox (region_code text_pattern_ops, id);
