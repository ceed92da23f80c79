"""Run the pipeline over every real PDF of shared/corpus/real (budget + final) and write, per
document, what was found and how its own arithmetic checks out, into docs/extraction.md.

    python bench/corpus_report.py [--out docs/extraction.md]
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import tempfile
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "real"
BEGIN, END = "<!-- corpus:begin -->", "<!-- corpus:end -->"


def corpus_table(summary, warehouse: Path) -> str:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        rows = con.execute("""
            select d.file_name, d.template, d.scope,
                   count(distinct c.table_seq) as tables,
                   count(distinct c.table_seq) filter (where c.table_id <> 'unclassified') as recognised,
                   count(distinct c.table_seq) filter (where c.typed and c.table_id <> 'unclassified') as typed,
                   count(distinct c.table_seq) filter (where c.status = 'untyped') as cells_only,
                   (select count(*) from marts.dim_disclosure_completeness m
                    where m.document_id = d.document_id and m.status = 'missing') as missing,
                   (select count(*) filter (where r.success) || '/' || count(*) from quality.check_results r
                    where r.document_id = d.document_id) as checks,
                   (select string_agg(r.check_name, ', ' order by r.check_name) from quality.check_results r
                    where r.document_id = d.document_id and not r.success) as failing
            from marts.dim_document d
            left join marts.dim_table_coverage c using (document_id)
            group by all order by d.file_name""").fetchall()
    finally:
        con.close()
    lines = ["| document | template | scope | tables found | kind recognised | typed into marts | kept as cells "
             "| required tables missing | checks passed | failing checks |", "|---" * 10 + "|"]
    lines += [f"| {r[0]} | {r[1]} | {r[2]} | {r[3]} | {r[4]} | {r[5]} | {r[6]} | {r[7]} | {r[8]} | {r[9] or '—'} |"
              for r in rows]
    loaded = {r[0] for r in rows}
    for name, status in summary.documents:
        if name not in loaded:
            lines.append(f"| {name} | — | — | — | — | — | — | — | — | {status} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "extraction.md"))
    parser.add_argument("--keep", help="copy the warehouse built here, for a closer look")
    args = parser.parse_args()
    from pipelines.run import run_pipeline

    with tempfile.TemporaryDirectory() as temp:
        inbox = Path(temp) / "inbox"
        inbox.mkdir()
        for pdf in [*sorted(CORPUS.glob("budget/*.pdf")), *sorted(CORPUS.glob("final/*.pdf")),
                    *sorted(CORPUS.glob("provinces/*/*.pdf"))]:
            shutil.copy(pdf, inbox / pdf.name)
        os.environ["DAGSTER_HOME"] = str(Path(temp) / "home")
        warehouse = Path(temp) / "budget.duckdb"
        summary = run_pipeline(str(inbox), str(warehouse))
        table = corpus_table(summary, warehouse)
        if args.keep:
            shutil.copy(warehouse, args.keep)
    out = Path(args.out)
    text = out.read_text()
    text = re.sub(f"{BEGIN}.*{END}", f"{BEGIN}\n{table}\n{END}", text, flags=re.S)
    out.write_text(text)
    print(table)


if __name__ == "__main__":
    main()
