-- The vintage date of a value (ngày báo cáo, công bố): when the figure was reported or published, which for
-- back-loaded history is long before it was keyed in. "As of" comparisons read the trail by this date; the keying
-- time (updated_at, changed_at) and the keying user stay as they are. A value keyed without one is reported when
-- it is keyed.
alter table data_value add column reported_at timestamp with time zone;
update data_value set reported_at = updated_at;
alter table data_value alter column reported_at set not null;

alter table data_value_audit add column reported_at timestamp with time zone;
update data_value_audit set reported_at = changed_at;
alter table data_value_audit alter column reported_at set not null;
create index data_value_audit_reported on data_value_audit (reported_at);
