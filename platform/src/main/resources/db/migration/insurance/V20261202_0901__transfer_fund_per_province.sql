-- One transfer case may bring months from several provinces (泸州 and another Liaoning city into 大连): the money is
-- kept per province of origin.
alter table insurance.transfer_fund drop constraint transfer_fund_pkey;
alter table insurance.transfer_fund add primary key (case_id, from_province);
