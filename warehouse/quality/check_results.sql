-- One row per document x identity (observed and expected in 元, of the first failing row if any);
-- rebuilt by every run of the checks.
create or replace table quality.check_results (
    document_id varchar not null,
    suite varchar not null,
    check_name varchar not null,
    guards varchar not null,
    "group" varchar not null,
    success boolean not null,
    instances integer not null,
    failures integer not null,
    observed decimal(20, 2),
    expected decimal(20, 2),
    details json,
    primary key (document_id, check_name)
);
