-- One row per document x identity of its suite that found nothing to compare, with the reason
-- (a check that cannot be evaluated is said so, not left out); rebuilt by every run of the checks.
create or replace table quality.checks_not_evaluated (
    document_id varchar not null,
    suite varchar not null,
    check_name varchar not null,
    guards varchar not null,
    reason varchar not null,
    primary key (document_id, check_name)
);
