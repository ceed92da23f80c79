"""Recall of the narrative audit on real wording: each 说明 line of the corpus that carries a defect's
precondition is copied with one reviewer-style defect in it, and its document audited again.

    python bench/narrative_recall.py [--doc docs/narrative_audit.md] [--dump findings.tsv] [--cache DIR]
                                     [--warehouse budget.duckdb]

A defect counts as found when a finding of its rule class that the unmutated document does not
have names the mutated line's page and quotes the edited words (or the line). Recall per class and
per province, with the lines missed, is written into the doc between the recall markers. Given a
warehouse built from the same corpus (`bench/corpus_report.py --keep`), an amount the narrative
identities compare with a table (N-09, N-tables, N-05) is changed too, the document's figures read
again from the mutated lines, and found when its identity now fails on that page.
"""
from __future__ import annotations

import argparse
import math
import pickle
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

import duckdb

from assets.audit.audit import DocumentFacts, audit_narrative, stated_fiscal_year
from assets.audit.rules import NUMBER, Finding
from assets.audit.sentences import is_audit_heading, lines_to_sentences
from assets.clean.narrative import document_figures, narrative_lines
from assets.clean.tables import document_to_tables
from assets.extract.model import ExtractedDocument, TextLine
from assets.extract.pdf_document import extract_document
from expectations.identities import load_identities
from expectations.run import all_instances

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "real"
REFERENCE = ROOT / "samples" / "jiaozuo_2023.pdf"
BEGIN, END = "<!-- recall:begin -->", "<!-- recall:end -->"
PER_DOCUMENT = 4  # lines mutated per document and defect (spread over its candidates)
MISSES_LISTED = 6  # per defect class in the doc
PROVINCES = {"js-": "jiangsu", "putuo": "shanghai", "jiaozuo": "henan"}
OPPOSITE = {"增加": "减少", "减少": "增加", "增长": "下降", "下降": "增长", "上升": "下降", "提高": "降低",
            "降低": "提高", "大于": "小于", "小于": "大于", "高于": "低于", "低于": "高于"}
OTHER_DEPARTMENTS = ("上海市普陀区民政局", "长沙市信访局")
TABLE_DEFECT = "amount against the table changed"
TABLE_CHECKS = ("N-09.values", "N-tables.values", "N-05.items", "N-05.values")
SUBJECT = re.compile(r"^(?P<statement>.+) \(p\.(?P<page>\d+)")  # an identity's subject: "statement (p.7)…"
INSERT_FIGURE = ("insert into marts.fct_narrative_figures values (?, ?, ?, ?, ?, ?, ?, "
                 "case when ? in ('万元', '元') then to_yuan(?::decimal(20, 2), ?) end, ?, ?)")
SPACE = re.compile(r"\s+")
STOP = re.compile(r"[。；;]")
NUMBERED = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十\d]+[、.．])")


@dataclass(frozen=True)
class Document:
    """One corpus PDF as the audit reads it: its lines and cells, facts, year, the narrative lines
    (the audit's own reading) and the findings of the unmutated text."""

    name: str
    province: str
    extracted: ExtractedDocument
    facts: DocumentFacts
    year: int | None
    narrative: tuple[TextLine, ...]
    findings: tuple[Finding, ...]


Edit = tuple[str | int, str]  # the group of the precondition's match to replace, and its new text


@dataclass(frozen=True)
class Defect:
    """One defect class: the rules that should find it, the precondition searched in a narrative
    line (`pattern` of the document), the edit of the match (`edit`: which group becomes what;
    None where the line does not carry the precondition) and which lines qualify (`where`)."""

    name: str
    rules: frozenset[str]
    pattern: Callable[[Document], re.Pattern[str] | None]
    edit: Callable[[re.Match[str], Document], Edit | None]
    where: Callable[[Document, int], bool] = lambda doc, index: not is_audit_heading(doc.narrative[index].text)


@dataclass(frozen=True)
class Injection:
    """One mutated line and whether the audit found it."""

    defect: str
    document: str
    province: str
    page: int
    before: str
    after: str
    found: bool


def corpus_paths() -> list[Path]:
    """The corpus PDFs the audit is run on (the edge/ files are not budgets) and the reference."""
    globs = ("budget/*.pdf", "final/*.pdf", "provinces/*/*.pdf")
    return [path for pattern in globs for path in sorted(CORPUS.glob(pattern))] + [REFERENCE]


def province(path: Path) -> str:
    if path.parent.parent.name == "provinces":
        return path.parent.name
    return next(name for key, name in PROVINCES.items() if key in path.name)


def relative_name(path: Path) -> str:
    return str(path.relative_to(CORPUS)) if path.is_relative_to(CORPUS) else path.name


def read_document(path: Path, cache: Path | None = None) -> Document:
    """The corpus PDF read and audited once (its extraction kept in `cache`, if given)."""
    stored = cache / f"{path.stem}.pickle" if cache else None
    if stored and stored.exists():
        extracted = pickle.loads(stored.read_bytes())
    else:
        extracted = extract_document(path)
        if stored:
            stored.write_bytes(pickle.dumps(extracted))
    facts = DocumentFacts.of(document_to_tables(extracted), extracted)
    narrative = tuple(narrative_lines(list(extracted.lines), extracted.cells))
    year = facts.fiscal_year or stated_fiscal_year(lines_to_sentences(list(narrative)))
    findings = tuple(audit_narrative(extracted.lines, extracted.cells, facts))
    return Document(relative_name(path), province(path), extracted, facts, year, narrative, findings)


def squeeze(text: str) -> str:
    return SPACE.sub("", text)


def shifted(text: str, minimum: str) -> str:
    """A figure moved well past any rounding, printed with its own decimals: '6.18' -> '9.27'."""
    value = Decimal(text.replace(",", ""))
    moved = value + max(value / 2, Decimal(minimum))
    decimals = len(text.split(".")[1]) if "." in text else 0
    return f"{moved:.{decimals}f}"


def fixed(pattern: str) -> Callable[[Document], re.Pattern[str]]:
    compiled = re.compile(pattern.replace("{NUMBER}", f"(?:{NUMBER})"))
    return lambda doc: compiled


def department_name(suffix: str = "") -> Callable[[Document], re.Pattern[str] | None]:
    return lambda doc: re.compile(re.escape(doc.facts.department) + suffix) if doc.facts.department else None


def before_heading(doc: Document, index: int) -> bool:
    """A body line whose next narrative line is a heading; not a numbered item (without its stop
    it would read as a heading)."""
    following, text = doc.narrative[index + 1:index + 2], doc.narrative[index].text
    return bool(following) and is_audit_heading(following[0].text) and not is_audit_heading(text) \
        and not NUMBERED.match(text)


def heading(doc: Document, index: int) -> bool:
    return is_audit_heading(doc.narrative[index].text)


def of_scope(scope: str) -> Callable[[Document, int], bool]:
    return lambda doc, index: doc.facts.scope == scope and not heading(doc, index)


def year_edit(wanted: Callable[[Document], int], wrong: Callable[[Document], int]):
    """Replace the matched year when it is the one the document should print."""
    def edit(match: re.Match[str], doc: Document) -> Edit | None:
        if doc.year is None or int(match["year"]) != wanted(doc):
            return None
        return "year", str(wrong(doc))
    return edit


def previous_year(doc: Document) -> int:
    return doc.year - 1


def wrong_comparison_year(doc: Document) -> int:
    """A budget compared with its own year; final accounts with the year before the previous."""
    return doc.year if doc.facts.document_kind == "budget" else doc.year - 2


def as_of_year(doc: Document) -> int:
    return doc.year if doc.facts.document_kind == "final_accounts" else doc.year - 1


def wrong_as_of_year(doc: Document) -> int:
    return doc.year - 1 if doc.facts.document_kind == "final_accounts" else doc.year


def own_year(doc: Document) -> int:
    return doc.year


def other_department(match: re.Match[str], doc: Document) -> Edit:
    return 0, next(name for name in OTHER_DEPARTMENTS if name not in doc.facts.department)


def nonzero(group: str, value: str, replace_group: str | None = None, minimum: str = "5"):
    """Edit `replace_group` (default: `group` shifted) where the change and rate are not zero (no
    rate exists from zero: another rule's case)."""
    def edit(match: re.Match[str], doc: Document) -> Edit | None:
        figures = [match[name] for name in ("change", "rate") if match.groupdict().get(name)]
        if any(Decimal(figure.replace(",", "")) == 0 for figure in figures):
            return None
        if replace_group is None:
            return group, shifted(match[group], minimum)
        return replace_group, value or OPPOSITE[match[replace_group]]
    return edit


def to(group: str | int, text: str) -> Callable[[re.Match[str], Document], Edit]:
    return lambda match, doc: (group, text)


def either(first: str, second: str, text: str) -> Callable[[re.Match[str], Document], Edit]:
    return lambda match, doc: (first if match[first] is not None else second, text)


# 增加552.08万元，增长6.18%: a change and its rate
CHANGE = (r"(?P<dir>增加|减少|增长|下降|上升|提高|降低)\s*(?P<change>{NUMBER})\s*万元[^。；%％\d]{0,12}?"
          r"(?:增长|下降|增幅|减幅|降幅|上升|提高|降低|增加|减少)\s*(?:为|了)?\s*(?P<rate>\d+(?:\.\d+)?)\s*[%％]")
# 执行数为60.13万元，2024年预算安排25.77万元，比2023年预算执行数减少34.36万元: both values, then the change
PAIR = (r"(?:执行数|上年(?:预算|决算)?数?|年初预算数?)为\s*{NUMBER}\s*万元[，,][^。；]{0,30}?"
        r"(?:预算安排|预算数为|决算为|决算数为)\s*{NUMBER}\s*万元[，,]?(?:比|较)(?:20\d{2}|[^，。；\d])*?"
        r"(?P<stated>(?P<dir>增加|减少|增长|下降)\s*(?P<change>{NUMBER})\s*(?:万元|[%％])"
        r"(?:\s*[，,]\s*(?:增长|下降)\s*{NUMBER}\s*[%％])?)")


def rule_ids(*names: str) -> frozenset[str]:
    return frozenset(f"narrative.{name}" for name in names)


DEFECTS = (
    Defect("rate changed", rule_ids("number.change_rate"), fixed(CHANGE), nonzero("rate", "", None, "3")),
    Defect("change amount changed", rule_ids("number.change_rate", "number.change_amount"), fixed(CHANGE),
           nonzero("change", "")),
    Defect("change amount changed", rule_ids("number.change_amount", "number.change_rate"), fixed(PAIR),
           nonzero("change", "")),
    Defect("direction flipped", rule_ids("number.direction", "number.change_rate"), fixed(CHANGE),
           nonzero("change", "", "dir")),
    Defect("direction flipped", rule_ids("number.direction"), fixed(PAIR), nonzero("change", "", "dir")),
    Defect("direction flipped", rule_ids("number.direction"),
           fixed(r"(?:决算|本年)(?:数|支出)?(?P<w>大于|小于|高于|低于)"), lambda m, doc: ("w", OPPOSITE[m["w"]])),
    Defect("持平 with a difference", rule_ids("number.flat_with_difference"), fixed(PAIR),
           nonzero("change", "持平", "stated")),
    Defect("completion rate changed", rule_ids("number.completion_rate"),
           fixed(r"完成(?:年初)?预算(?:数)?(?:{NUMBER}\s*万元\s*)?的\s*(?P<rate>{NUMBER})\s*[%％]"),
           nonzero("rate", "")),
    Defect("comparison year wrong", rule_ids("year.comparison_year"),
           fixed(r"(?:比|较|与|同)\s*(?P<year>20\d{2})\s*年"), year_edit(previous_year, wrong_comparison_year)),
    Defect("截至 date wrong", rule_ids("year.as_of_date"),
           fixed(r"截[至止]\s*(?P<year>20\d{2})\s*年\s*(?:12\s*月\s*31\s*日|底|末)"),
           year_edit(as_of_year, wrong_as_of_year)),
    Defect("heading year wrong", rule_ids("year.stated_year"),
           fixed(r"(?P<year>20\d{2})\s*年度?(?=[^，。；]*?(?:预算|决算))"),
           year_edit(own_year, previous_year), heading),
    Defect("单位 wording in a 部门 document", rule_ids("scope.unit_words_in_department"),
           fixed(r"20\d{2}\s*年度?\s*(?P<w>部门)(?:预算|决算)"), to("w", "单位"), of_scope("department")),
    Defect("部门 wording in a 单位 document", rule_ids("scope.department_words_in_unit"),
           fixed(r"本(?P<w>单位)|(?P<w2>单位)(?=预算|决算)"), either("w", "w2", "部门"), of_scope("unit")),
    Defect("another department named", rule_ids("scope.heading_department"),
           department_name(r"(?=\s*(?:20\d{2}\s*年度?)?\s*(?:部门|单位)?(?:预算|决算))"), other_department,
           lambda doc, index: True),
    Defect("增加（减少） left", rule_ids("drafting.unchosen_alternative"),
           fixed(r"(?P<w>增加|减少|增长|下降)(?=\s*\d)"), lambda m, doc: ("w", f"{m['w']}（{OPPOSITE[m['w']]}）")),
    Defect("placeholder left", rule_ids("drafting.placeholder"), department_name(), to(0, "XX局")),
    Defect("placeholder left", rule_ids("drafting.placeholder"),
           fixed(r"(?<![\d.,])(?:{NUMBER})(?=\s*万元)"), to(0, "××")),
    Defect("reason dropped", rule_ids("drafting.cut_short"),
           fixed(r"(?:主要原因是|主要原因为|原因是|主要用于|主要是|主要包括)\s*[：:]?(?P<reason>[^。；]{2,})[。；]"),
           to("reason", "")),
    Defect("full stop removed before a heading", rule_ids("drafting.missing_full_stop", "structure.cut_at_page_end"),
           fixed(r"(?P<stop>。)\s*$"), to("stop", ""), before_heading),
    Defect("punctuation doubled", rule_ids("drafting.doubled_punctuation"), fixed(r"(?P<mark>[，。])(?![，。])"),
           lambda m, doc: ("mark", m["mark"] * 2)),
    Defect("% removed", rule_ids("drafting.percent_without_sign"),
           fixed(r"(?:增长|下降|增幅|减幅|降幅|上升|占|比重为?|完成(?:年初)?预算的)\s*(?:为)?\s*\d+(?:\.\d+)?\s*(?P<pct>[%％])"),
           to("pct", "")),
    Defect("quote or bracket unbalanced", rule_ids("drafting.unbalanced_pair"),
           fixed(r"“[^“”]{1,40}(?P<quote>”)|（[^（）]{1,30}(?P<bracket>）)"), either("quote", "bracket", "")),
    Defect("number removed", rule_ids("drafting.missing_number"),
           fixed(r"(?:为|是|计|达|约)\s*(?P<number>{NUMBER})\s*万元"), to("number", "")),
    Defect("与…持平 as 比…持平", rule_ids("drafting.flat_with_bi"),
           fixed(r"(?P<yu>与)[^，。；,与]{1,20}?持平"), to("yu", "比")),
)


def window(doc: Document, index: int) -> tuple[str, int]:
    """The line joined with the body lines before and after it (a sentence runs over lines), and
    where the line starts in it."""
    before = [line.text.strip() for line in doc.narrative[max(index - 1, 0):index] if not is_audit_heading(line.text)]
    after = [line.text.strip() for line in doc.narrative[index + 1:index + 2] if not is_audit_heading(line.text)]
    text = doc.narrative[index].text.strip()
    if is_audit_heading(text):
        return text, 0
    return "".join(before) + text + "".join(after), len("".join(before))


def line_edits(doc: Document, defect: Defect) -> Iterator[tuple[TextLine, str, str]]:
    """(line, its mutated text, the words around the edit) for every printed narrative line where
    the defect's precondition holds (in the line or across its neighbours) and the edited part
    lies in the line, the line having no finding of the defect's rules yet (one edit per line)."""
    pattern = defect.pattern(doc)
    printed = {id(line) for line in doc.extracted.lines}
    for index, line in enumerate(doc.narrative):
        if pattern is None or id(line) not in printed or not defect.where(doc, index) \
                or names_line(doc.findings, defect.rules, line.page, line.text):
            continue
        edited = first_edit(doc, defect, pattern, index)
        if edited is not None:
            yield line, *edited


def first_edit(doc: Document, defect: Defect, pattern: re.Pattern[str], index: int) -> tuple[str, str] | None:
    """The line's text with the first edit lying in it, and the words around the edit."""
    text, offset = window(doc, index)
    own = doc.narrative[index].text.strip()
    for match in pattern.finditer(text):
        edit = defect.edit(match, doc)
        if edit is None:
            continue
        group, new = edit
        start, end = match.start(group) - offset, match.end(group) - offset
        if 0 <= start and end <= len(own):
            mutated = own[:start] + new + own[end:]
            return mutated, STOP.split(own[max(start - 6, 0):start])[-1] + new
    return None


def names_line(findings, rules: frozenset[str], page: int, text: str, words: str = "") -> bool:
    """True when one of the findings of these rules on this page quotes the words, or 12 characters
    of the line in a row."""
    line = squeeze(text)
    pieces = {line[i:i + 12] for i in range(max(len(line) - 11, 1))}
    for f in findings:
        quoted = squeeze(f.sentence)
        if f.rule_id in rules and f.page == page and ((words and words in quoted) or any(p in quoted for p in pieces)):
            return True
    return False


def injection(doc: Document, defect: Defect, line: TextLine, text: str, words: str) -> Injection:
    """Audit the document with the line mutated; found when a new finding of the defect's rules names it."""
    lines = [replace(line, text=text) if item is line else item for item in doc.extracted.lines]
    before = Counter((f.rule_id, f.page, f.sentence) for f in doc.findings)
    new = [f for f in audit_narrative(lines, doc.extracted.cells, doc.facts)
           if not before[(f.rule_id, f.page, f.sentence)]]
    found = names_line(new, defect.rules, line.page, text, squeeze(words))
    return Injection(defect.name, doc.name, doc.province, line.page, line.text, text, found)


def spread(items: list, count: int) -> list:
    return items[::math.ceil(len(items) / count)] if items else []


def run_defects(documents: list[Document], defects=DEFECTS) -> list[Injection]:
    """Every injection: up to PER_DOCUMENT lines per document and defect entry."""
    return [injection(doc, defect, *edit) for doc in documents for defect in defects
            for edit in spread(list(line_edits(doc, defect)), PER_DOCUMENT)]


def identity_failures(con, identities, document_id: str) -> dict[tuple[str, str], bool]:
    """(identity, subject) -> whether it fails, for one document."""
    frame = all_instances(con, identities, frozenset([document_id]))
    return {(row.identity, row.subject): row.excess_fen > 0 for row in frame.itertuples()}


def amount_edit(doc: Document, statement: str, page: int) -> tuple[TextLine, str] | None:
    """The line of `page` stating the amount of `statement`, with that amount changed."""
    pattern = re.compile(re.escape(statement) + rf"\s*(?:为|是)?\s*(?P<amount>{NUMBER})\s*万元")
    for line in doc.narrative:
        match = pattern.search(line.text) if line.page == page else None
        if match:
            start, end = match.span("amount")
            return line, line.text[:start] + shifted(match["amount"], "5") + line.text[end:]
    return None


def failing_after(con, identities, doc: Document, document_id: str, line: TextLine, text: str):
    """The identity results with the document's figures read from the mutated lines (rolled back)."""
    lines = [replace(line, text=text) if item is line else item for item in doc.extracted.lines]
    rows = [[document_id, f.figure_index, f.part, f.section, f.statement, f.value, f.unit, f.unit, f.value, f.unit,
             f.sentence, f.page] for f in document_figures(lines, doc.extracted.cells)]
    con.begin()
    con.execute("delete from marts.fct_narrative_figures where document_id = ?", [document_id])
    con.executemany(INSERT_FIGURE, rows)
    after = identity_failures(con, identities, document_id)
    con.rollback()
    return after


def table_injections(documents: list[Document], warehouse: Path) -> list[Injection]:
    """Each amount a narrative identity compares with a table and finds equal, changed in its line."""
    with tempfile.TemporaryDirectory() as temp:
        copy = Path(temp) / "warehouse.duckdb"
        shutil.copyfile(warehouse, copy)
        copy.chmod(0o644)
        con = duckdb.connect(str(copy))
        try:
            return [item for doc in documents for item in document_table_injections(con, doc)]
        finally:
            con.close()


def document_table_injections(con, doc: Document) -> list[Injection]:
    identities = tuple(i for i in load_identities() if i.id in TABLE_CHECKS)
    row = con.execute("select document_id from marts.dim_document where file_name = ?",
                      [Path(doc.name).name]).fetchone()
    if row is None:
        return []
    before, injections = identity_failures(con, identities, row[0]), []
    for (identity, subject), failed in before.items():
        stated = SUBJECT.match(subject)
        edit = None if failed or not stated else amount_edit(doc, stated["statement"], int(stated["page"]))
        if edit is None:
            continue
        after = failing_after(con, identities, doc, row[0], *edit)
        found = any(now and not before.get(key, False) and key[0] == identity and f"(p.{stated['page']}" in key[1]
                    for key, now in after.items())
        injections.append(Injection(TABLE_DEFECT, doc.name, doc.province, edit[0].page, edit[0].text, edit[1], found))
    return injections


def recall(injections: list[Injection], key: Callable[[Injection], str]) -> dict[str, tuple[int, int]]:
    """(found, injected) per key."""
    counts: dict[str, tuple[int, int]] = {}
    for item in injections:
        found, total = counts.get(key(item), (0, 0))
        counts[key(item)] = (found + item.found, total + 1)
    return counts


def percent(found: int, total: int) -> str:
    return f"{100 * found / total:.0f} %" if total else "–"


def recall_table(injections: list[Injection]) -> str:
    """The doc section: recall per defect class and per province, and the lines missed."""
    lines = ["| defect injected | rules expected | injected | found | recall |", "|---|---|---|---|---|"]
    rules = {name: ", ".join(sorted({r.removeprefix("narrative.") for d in DEFECTS if d.name == name for r in d.rules}))
             for name in {d.name for d in DEFECTS}} | {TABLE_DEFECT: ", ".join(TABLE_CHECKS)}
    for name, (found, total) in recall(injections, lambda i: i.defect).items():
        lines.append(f"| {name} | `{rules[name]}` | {total} | {found} | {percent(found, total)} |")
    found, total = sum(i.found for i in injections), len(injections)
    lines += [f"| **all** | | **{total}** | **{found}** | **{percent(found, total)}** |", "",
              "| province (wording) | injected | found | recall |", "|---|---|---|---|"]
    for name, (found, total) in sorted(recall(injections, lambda i: i.province).items()):
        lines.append(f"| {name} | {total} | {found} | {percent(found, total)} |")
    return "\n".join(lines + ["", *missed_lines(injections)])


def missed_lines(injections: list[Injection]) -> list[str]:
    missed = [i for i in injections if not i.found]
    if not missed:
        return ["No injected defect was missed."]
    lines = [f"Missed (at most {MISSES_LISTED} per class; the line as mutated):", "",
             "| defect | document | page | line as mutated |", "|---|---|---|---|"]
    for name in dict.fromkeys(i.defect for i in missed):
        for item in [i for i in missed if i.defect == name][:MISSES_LISTED]:
            lines.append(f"| {name} | {item.document} | {item.page} | {item.after.strip().replace('|', '｜')} |")
    return lines


def finding_rows(documents: list[Document]) -> list[tuple[str, int, str, str]]:
    """(document, page, rule, sentence) of every finding of the unmutated corpus."""
    return [(doc.name, f.page, f.rule_id, f.sentence) for doc in documents for f in doc.findings]


def write_rows(rows: list[tuple[str, int, str, str]], path: Path) -> None:
    path.write_text("".join("\t".join(map(str, row)).replace("\n", " ") + "\n" for row in rows))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--doc", default=str(ROOT / "docs" / "narrative_audit.md"))
    parser.add_argument("--dump", help="write (document, page, rule, sentence) of every unmutated finding here")
    parser.add_argument("--cache", help="a folder keeping each PDF's extraction between runs")
    parser.add_argument("--warehouse", help="a warehouse of the same corpus: measure the narrative identities too")
    args = parser.parse_args()
    cache = Path(args.cache) if args.cache else None
    if cache:
        cache.mkdir(parents=True, exist_ok=True)
    documents = [read_document(path, cache) for path in corpus_paths()]
    if args.dump:
        write_rows(finding_rows(documents), Path(args.dump))
    injections = run_defects(documents)
    if args.warehouse:
        injections += table_injections(documents, Path(args.warehouse))
    table = recall_table(injections)
    doc = Path(args.doc)
    doc.write_text(re.sub(f"{BEGIN}.*{END}", lambda _: f"{BEGIN}\n{table}\n{END}", doc.read_text(), flags=re.S))
    print(table)


if __name__ == "__main__":
    main()
