-- Who approves a form (người duyệt biểu): the kind of unit whose approvers decide it (PROVINCE: the province approves
-- its communes directly, as after 1 July 2025 when districts were abolished). Null: any unit above the reporting one.
alter table data_set add column approver_kind varchar(20);
