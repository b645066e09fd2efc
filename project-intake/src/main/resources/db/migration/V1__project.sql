create table project (
    id                      uuid          primary key,
    code                    text          not null unique,
    revision                int           not null,
    name                    text          not null,
    investor                text          not null,
    province                text          not null,
    city                    text          not null,
    district                text,
    sector                  text          not null,
    signed_on               date          not null,
    contract_value          numeric(15,2) not null,
    planned_jobs            int,
    planned_capacity        jsonb,
    phases                  jsonb,
    planned_start_on        date,
    planned_operational_on  date,
    source                  jsonb,
    -- investor, name and signing date, lower-cased with spaces collapsed: a second entry of one contract is a 409
    duplicate_key           text          not null unique,
    created_at              timestamptz   not null,
    created_by              text          not null
);

-- The last sequence number handed out per code prefix (province) and year, for codes like LN-2022-000001.
create table project_code_sequence (
    prefix      text not null,
    year        int  not null,
    last_value  int  not null,
    primary key (prefix, year)
);
