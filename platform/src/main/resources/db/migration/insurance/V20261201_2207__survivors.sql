-- 上一年度全国城镇居民人均可支配收入, for the 一次性工亡补助金 of 工伤保险条例 art. 39 (20 times it), from the National
-- Bureau of Statistics' yearly bulletins (国民经济和社会发展统计公报), in yuan.
create table insurance.national_urban_income (
  year   smallint primary key,
  yuan   integer not null check (yuan > 0),
  source text    not null
);
insert into insurance.national_urban_income (year, yuan, source) values
  (2021, 47412, '国家统计局《中华人民共和国2021年国民经济和社会发展统计公报》：城镇居民人均可支配收入47412元'),
  (2022, 49283, '国家统计局《中华人民共和国2022年国民经济和社会发展统计公报》：城镇居民人均可支配收入49283元'),
  (2023, 51821, '国家统计局《中华人民共和国2023年国民经济和社会发展统计公报》：城镇居民人均可支配收入51821元'),
  (2024, 54188, '国家统计局《中华人民共和国2024年国民经济和社会发展统计公报》：城镇居民人均可支配收入54188元');

-- A province's rules for deaths not from work (社会保险法 art. 17: 丧葬补助金 and 抚恤金 from the pension fund, set by
-- the provinces): months of the provincial average wage for each, from a day, with the notice.
create table insurance.survivor_standard (
  province_code   varchar(2)  not null,
  effective_from  date        not null,
  funeral_months  smallint    not null check (funeral_months between 0 and 60),
  pension_months  smallint    not null check (pension_months between 0 and 120),
  notice          text        not null,
  entered_by      text        not null,
  generated       boolean     not null default false,
  primary key (province_code, effective_from)
);
