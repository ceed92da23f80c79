-- One row per document x identity (observed and expected in 元, of the first failing row if any);
-- rebuilt by every run of the checks. `read_by_ocr`: some of the document's pages were read from
-- their image, so a failure may be a misreading rather than a defect: verify it on the page.
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
    read_by_ocr boolean not null default false,
    primary key (document_id, check_name)
);
