"""What the report shows, read from a published warehouse: documents, quarantined files, tables
found, failing identity checks, narrative findings and the charts' figures (money as Decimal)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

import duckdb

from report.images import OcrText

THREE_PUBLIC_PARTS = (("total", "合计"), ("overseas_travel", "因公出国(境)费"),
                      ("vehicle_purchase", "公务用车购置费"), ("vehicle_operation", "公务用车运行费"),
                      ("official_reception", "公务接待费"))
KIND_NAMES = {"budget": "预算", "final_accounts": "决算"}
PAGE_IN_SUBJECT = re.compile(r"\bp\.(\d+)")  # "03 p.9 row 13 …", "增长 10.06% (p.25)"


@dataclass(frozen=True)
class Document:
    """One loaded document (a row of marts.dim_document)."""

    document_id: str
    file_name: str
    path: str | None
    sha256: str
    department_name: str | None
    fiscal_year: int | None
    document_kind: str
    scope: str
    template: str
    page_count: int


@dataclass(frozen=True)
class Quarantined:
    """A file that could not be loaded (a row of quality.quarantine)."""

    file_name: str
    path: str
    stage: str
    reason: str


@dataclass(frozen=True)
class TableFound:
    """A table printed in a document and how it was recognised (marts.dim_table_coverage)."""

    printed_code: str | None
    title: str | None
    table_id: str
    first_page: int | None
    page_span: int
    source_unit: str | None
    status: str
    confidence: Decimal | None
    why: str | None
    note: str | None

    @property
    def pages(self) -> tuple[int, ...]:
        return tuple(range(self.first_page, self.first_page + self.page_span)) if self.first_page else ()


@dataclass(frozen=True)
class CheckFailure:
    """One failing instance of an identity: in 元, and the unit its table prints ('' = not money)."""

    subject: str
    expected: Decimal
    observed: Decimal
    gap: Decimal
    unit: str  # 万元, 元 …; % for rates; '' for a yes/no (1.00 / 0.00) or a count
    unit_in_yuan: Decimal | None  # 10000.00 for 万元; None when the values are not money

    @property
    def named_pages(self) -> tuple[int, ...]:
        """The pages the subject names (narrative figures and row-level checks say where they are)."""
        return tuple(int(page) for page in PAGE_IN_SUBJECT.findall(self.subject))

    def printed(self, yuan: Decimal) -> Decimal:
        """An amount in 元 as its table prints it (万元 digits for a 万元 table), exactly."""
        if self.unit_in_yuan is None:
            return yuan
        value = yuan / self.unit_in_yuan
        cents = value.quantize(Decimal("0.01"))
        return cents if cents == value else value


@dataclass(frozen=True)
class FailedCheck:
    """An identity that fails on a document, every failing instance, and the pages of the mart it guards."""

    check_name: str
    group: str
    guards: str
    description: str
    instances: int
    failures: tuple[CheckFailure, ...]
    guarded_pages: tuple[int, ...]


@dataclass(frozen=True)
class Finding:
    """A defect of the 说明 (a row of quality.narrative_findings)."""

    finding_index: int
    rule_id: str
    severity: str
    what: str | None
    page: int | None
    section: str | None
    sentence: str | None
    printed: str | None
    expected: str | None


@dataclass(frozen=True)
class CheckCounts:
    passed: int
    failed: int
    not_evaluated: int


@dataclass(frozen=True)
class Bars:
    """A chart's figures: one labelled row per group, one Decimal per series (元)."""

    title: str
    series: tuple[str, ...]
    rows: tuple[tuple[str, tuple[Decimal, ...]], ...]


def records(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[dict]:
    relation = con.execute(sql, params or [])
    names = [column[0] for column in relation.description]
    return [dict(zip(names, row, strict=True)) for row in relation.fetchall()]


def documents(con: duckdb.DuckDBPyConnection) -> list[Document]:
    return [Document(**row) for row in records(con, """
        select document_id, file_name, path, sha256, department_name, fiscal_year, document_kind, scope,
               template, page_count
        from marts.dim_document order by department_name, fiscal_year, document_kind, file_name""")]


def ocr_texts(con: duckdb.DuckDBPyConnection, document_id: str) -> dict[int, list[OcrText]]:
    """Given a document, return per scanned page the cells and lines OCR read on it."""
    pages: dict[int, list[OcrText]] = {}
    for row in records(con, "select page, text, x0::double as x0, top::double as top, x1::double as x1, "
                            "bottom::double as bottom from marts.fct_ocr_readings "
                            "where document_id = ? order by page, top, x0", [document_id]):
        pages.setdefault(row.pop("page"), []).append(OcrText(**row))
    return pages


def quarantined(con: duckdb.DuckDBPyConnection) -> list[Quarantined]:
    return [Quarantined(**row) for row in records(
        con, "select file_name, path, stage, reason from quality.quarantine order by file_name")]


def tables_found(con: duckdb.DuckDBPyConnection, document_id: str) -> list[TableFound]:
    return [TableFound(**row) for row in records(con, """
        select printed_code, title, table_id, first_page, page_span, source_unit, status, confidence,
               why, note
        from marts.dim_table_coverage where document_id = ? order by table_seq""", [document_id])]


def check_counts(con: duckdb.DuckDBPyConnection) -> dict[str, CheckCounts]:
    """Given the warehouse, return {document_id: checks passed, failed and not evaluated}."""
    rows = con.execute("""
        select document_id, count(*) filter (where success), count(*) filter (where not success), 0
        from quality.check_results group by all
        union all
        select document_id, 0, 0, count(*) from quality.checks_not_evaluated group by all""").fetchall()
    counts: dict[str, CheckCounts] = {}
    for document_id, passed, failed, skipped in rows:
        was = counts.get(document_id, CheckCounts(0, 0, 0))
        counts[document_id] = CheckCounts(was.passed + passed, was.failed + failed, was.not_evaluated + skipped)
    return counts


def finding_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return dict(con.execute(
        "select document_id, count(*) from quality.narrative_findings group by all").fetchall())


FAILURES_SQL = """
    with failing as (
        select c.check_name, c."group", c.guards, c.instances, c.details ->> 'description' as description,
               unnest(from_json(c.details -> 'failures', '[{"subject": "varchar", "expected": "decimal(20,2)",
                   "observed": "decimal(20,2)", "gap": "decimal(20,2)", "unit_printed": "varchar"}]')) as f
        from quality.check_results c
        where c.document_id = ? and not c.success
    )
    select check_name, "group", guards, instances, description, f.subject, f.expected, f.observed,
           f.gap, coalesce(f.unit_printed, '') as unit,
           to_yuan(1, nullif(f.unit_printed, '')) as unit_in_yuan
    from failing order by check_name"""


def failed_checks(con: duckdb.DuckDBPyConnection, document_id: str) -> list[FailedCheck]:
    """Given a document, return every identity that fails on it with all its failing instances."""
    grouped: dict[str, list[dict]] = {}
    for row in records(con, FAILURES_SQL, [document_id]):
        grouped.setdefault(row["check_name"], []).append(row)
    checks = []
    for name, rows in grouped.items():
        first = rows[0]
        failures = tuple(CheckFailure(r["subject"], r["expected"], r["observed"], r["gap"], r["unit"],
                                      r["unit_in_yuan"]) for r in rows)
        checks.append(FailedCheck(name, first["group"], first["guards"], first["description"] or "",
                                  first["instances"], failures, mart_pages(con, first["guards"], document_id)))
    return checks


def mart_pages(con: duckdb.DuckDBPyConnection, mart: str, document_id: str) -> tuple[int, ...]:
    """The pages a document's rows of marts.<mart> were printed on (none if it has no page column)."""
    known = con.execute("""select 1 from information_schema.columns
                           where table_schema = 'marts' and table_name = ? and column_name = 'page'""",
                        [mart]).fetchone()
    if not known:
        return ()
    rows = con.execute(f'select distinct page from marts."{mart}" where document_id = ? and page is not null '
                       "order by page", [document_id]).fetchall()
    return tuple(page for (page,) in rows)


def findings(con: duckdb.DuckDBPyConnection, document_id: str) -> list[Finding]:
    return [Finding(**row) for row in records(con, """
        select finding_index, rule_id, severity, what, page, section, sentence, printed, expected
        from quality.narrative_findings where document_id = ? order by page, finding_index""", [document_id])]


def three_public_costs_by_year(con: duckdb.DuckDBPyConnection, document: Document) -> Bars:
    """三公 of the document's department, one row per year and kind (budget, final accounts)."""
    parts = ", ".join(column for column, _ in THREE_PUBLIC_PARTS)
    rows = con.execute(f"""
        select fiscal_year, document_kind, {parts} from marts.rpt_three_public_costs_by_year
        where department_name = ? or (department_name is null and document_id = ?)
        order by fiscal_year, document_kind""", [document.department_name, document.document_id]).fetchall()
    return Bars(f"“三公”经费 by year: {document.department_name or document.file_name} (元)",
                tuple(name for _, name in THREE_PUBLIC_PARTS),
                tuple((f"{year} {KIND_NAMES.get(kind, kind)}", tuple(amounts)) for year, kind, *amounts in rows))


def expenditure_by_class(con: duckdb.DuckDBPyConnection, document: Document) -> Bars:
    """The document's expenditure per function class (类): 支出预算表 (03) items, or 支出决算表 items."""
    rows = con.execute("""
        with items as (
            select document_id, function_class, total from marts.fct_expenditure_by_function
            where source_table = '03' and row_kind = 'item'
            union all
            select document_id, function_class, total from marts.fct_final_expenditure_by_function
            where source_table = 'all_funds' and row_kind = 'item'
        )
        select i.function_class, any_value(c.class_name), sum(i.total) as amount
        from items i left join marts.dim_function_class c using (function_class)
        where i.document_id = ? group by i.function_class order by amount desc, i.function_class""",
                       [document.document_id]).fetchall()
    return Bars("Expenditure by function class (类) (元)", ("支出",),
                tuple((f"{code} {name or ''}".strip(), (amount,)) for code, name, amount in rows))


def budget_execution(con: duckdb.DuckDBPyConnection, document: Document) -> Bars:
    """Budget against final accounts per function class, where the department has both for the year."""
    rows = con.execute("""
        select left(e.function_code, 3) as class_code, any_value(c.class_name), sum(e.budget_amount),
               sum(e.final_amount)
        from marts.rpt_budget_execution e
        left join marts.dim_function_class c on c.function_class = left(e.function_code, 3)
        where ? in (e.budget_document_id, e.final_document_id)
        group by class_code order by class_code""", [document.document_id]).fetchall()
    return Bars(f"Budget vs final accounts {document.fiscal_year} by function class (元)", ("预算", "决算"),
                tuple((f"{code} {name or ''}".strip(), (budget, final)) for code, name, budget, final in rows))
