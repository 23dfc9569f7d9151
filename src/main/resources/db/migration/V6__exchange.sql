-- Files uploaded for an import, kept between the preview and the confirmation (at most an hour), in the database
-- so that any application node can confirm what another previewed.
create table import_upload (
    batch_id    varchar(40)  not null,
    seq         int          not null,
    username    varchar(100) not null,
    file_name   varchar(500) not null,
    content     bytea        not null,
    created_at  timestamp with time zone not null,
    constraint import_upload_key primary key (batch_id, seq)
);
create index import_upload_created on import_upload (created_at);
