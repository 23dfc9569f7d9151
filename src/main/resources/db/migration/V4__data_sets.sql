-- Forms (data sets, biểu nhập liệu): which elements a kind of unit reports, for which period type, and by when.
create table data_set (
    code         varchar(50)  primary key,
    name         varchar(500) not null,
    period_type  varchar(20)  not null,
    -- The org-unit kinds that report the form, comma-separated (COMMUNE,TOWN).
    unit_kinds   varchar(200) not null,
    -- Days after the period's last day by which the form is due (10: 2021S1 is due on 10/07/2021).
    due_days     int not null,
    description  varchar(2000),
    sort_order   int not null default 0
);

create table data_set_element (
    data_set_code  varchar(50) not null references data_set (code) on delete cascade,
    element_code   varchar(50) not null references data_element (code),
    kind           varchar(10) not null,
    required       boolean not null default false,
    section        varchar(255),
    sort_order     int not null,
    primary key (data_set_code, element_code)
);
create index data_set_element_element on data_set_element (element_code);
