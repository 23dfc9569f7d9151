-- Validation rules (quy tắc kiểm tra): left side, operator, right side, each side an expression over element codes.
create table validation_rule (
    code           varchar(50)   primary key,
    name           varchar(500)  not null,
    left_side      varchar(2000) not null,
    left_label     varchar(500),
    operator       varchar(40)   not null,
    right_side     varchar(2000) not null,
    right_label    varchar(500),
    -- UNIT: the right side is read at the same unit; PARENT: at the unit above (a commune against its district).
    right_side_at  varchar(10)   not null default 'UNIT',
    tolerance_pct  numeric(10, 4),
    importance     varchar(10)   not null,
    message        varchar(1000) not null,
    sort_order     int not null default 0
);
