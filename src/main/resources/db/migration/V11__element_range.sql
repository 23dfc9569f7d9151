-- The allowed range of a data element (giá trị cho phép): entry refuses a value outside it, and a formula that
-- divides by an element whose range admits zero is named before it is stored (docs/setup.md). Null: no bound.
alter table data_element add column min_value numeric(38, 12);
alter table data_element add column max_value numeric(38, 12);
