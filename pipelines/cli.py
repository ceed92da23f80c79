"""The `budget-etl` command: run the pipeline, query the warehouse, export the marts, write the report.

`run` goes through Dagster (the same asset code the UI runs); `sql`, `export` and `report` only open
the published DuckDB file read-only, so they start fast and never import Dagster or GX.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

from pipelines.sql_output import FORMATS
from warehouse.paths import DEFAULT_WAREHOUSE, data_docs_dir_for, report_dir_for

MART_SCHEMAS = ("marts", "quality")


def warehouse_path(arg: str | None) -> Path:
    return Path(arg or os.environ.get("BUDGET_WAREHOUSE") or DEFAULT_WAREHOUSE)


def open_warehouse(arg: str | None, sandboxed: bool = False):
    """Open the published warehouse read-only (sandboxed: no file or network access either), or
    exit with a one-line reason when the path holds no warehouse."""
    import duckdb

    from warehouse.snapshot import first_line, not_a_duckdb_file, open_sandboxed

    path = warehouse_path(arg)
    if not path.exists():
        sys.exit(f"budget-etl: no warehouse at {path}: run `budget-etl run` (or `make run`) first")
    problem = not_a_duckdb_file(path)
    if problem:
        sys.exit(f"budget-etl: {problem}: pass --warehouse FILE, the .duckdb file `budget-etl run` publishes")
    try:
        return open_sandboxed(path) if sandboxed else duckdb.connect(str(path), read_only=True)
    except duckdb.Error as error:
        sys.exit(f"budget-etl: cannot open {path}: {first_line(error)}")


def query_text(args: argparse.Namespace) -> str:
    """The SQL to run: the argument, or the file --file names (one-line exit when unreadable)."""
    if args.file:
        try:
            return Path(args.file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            sys.exit(f"budget-etl sql: cannot read {args.file}: {error}")
    if not args.query:
        sys.exit("budget-etl sql: give a query, or --file FILE with one")
    return args.query


def command_sql(args: argparse.Namespace) -> int:
    from pipelines.sql_output import render
    from warehouse.snapshot import non_queries

    text = query_text(args)
    con = open_warehouse(args.warehouse, sandboxed=True)
    try:
        refused = non_queries(con, text)
        if refused:
            print(f"budget-etl sql: {', '.join(refused)} refused: `sql` only reads the warehouse and "
                  "writes nothing; use `budget-etl export` for files", file=sys.stderr)
            return 2
        for statement in con.extract_statements(text):  # every statement's result, in order
            relation = con.sql(statement.query)
            if relation is None:
                continue
            if args.format == "table":
                relation.show(max_rows=args.max_rows, max_width=shutil.get_terminal_size().columns)
            else:
                sys.stdout.write(render(relation, args.format))
    except Exception as error:  # duckdb raises several error types; all mean "bad query"
        print(f"budget-etl sql: {first_line_of(error)}", file=sys.stderr)
        return 2
    return 0


def first_line_of(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


def output_folder(out: Path, command: str) -> Path:
    """Make the folder a command writes into, or exit with a one-line reason."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        sys.exit(f"budget-etl {command}: cannot use {out} as the output folder ({error.strerror}): "
                 "pass --out DIR, a folder or a path where one can be made")
    return out


def command_export(args: argparse.Namespace) -> int:
    con = open_warehouse(args.warehouse)
    out = output_folder(Path(args.out), "export")
    tables = con.execute(
        "select table_schema, table_name from information_schema.tables "
        "where table_schema in ? order by 1, 2", [list(MART_SCHEMAS)]).fetchall()
    options = "format parquet" if args.format == "parquet" else "format csv, header true"
    for schema, name in tables:
        target = out / f"{schema}.{name}.{args.format}"
        con.execute(f"copy {schema}.{name} to '{target}' ({options})")
        print(f"wrote {target}")
    return 0


def command_report(args: argparse.Namespace) -> int:
    """Write the reviewers' HTML report (index and one page per document) from the warehouse."""
    from report.build import write_report  # imports pdfplumber: only for this command

    con = open_warehouse(args.warehouse, sandboxed=True)
    out = output_folder(Path(args.out) if args.out else report_dir_for(warehouse_path(args.warehouse)), "report")
    print(f"report: {write_report(con, out)}")
    return 0


def command_docs(args: argparse.Namespace) -> int:
    """Serve the Great Expectations Data Docs of the last run on 127.0.0.1 (works offline)."""
    import functools
    import http.server

    site = data_docs_dir_for(warehouse_path(args.warehouse))
    if not (site / "index.html").exists():
        sys.exit(f"budget-etl docs: no Data Docs in {site}: run `budget-etl run` first")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    with http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler) as server:
        print(f"Data Docs on http://127.0.0.1:{server.server_address[1]}/ (Ctrl-C to stop)", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
    return 0


def command_ui(args: argparse.Namespace) -> int:
    """Replace this process by `dagster dev` (UI and daemon) on the warehouse's own Dagster home."""
    from pipelines.home import HomeTaken, dagster_home, prepare_home

    warehouse = warehouse_path(args.warehouse).resolve()
    home = dagster_home(warehouse)
    try:
        prepare_home(home, warehouse)
    except HomeTaken as taken:
        sys.exit(f"budget-etl ui: {taken}")
    dagster = Path(sys.executable).with_name("dagster")
    env = {**os.environ, "DAGSTER_HOME": str(home), "BUDGET_WAREHOUSE": str(warehouse)}
    os.execve(dagster, [str(dagster), "dev", "-h", "127.0.0.1", "-p", str(args.port),
                        "-m", "pipelines.definitions"], env)


def command_run(args: argparse.Namespace) -> int:
    from pipelines.run import run_pipeline  # imports Dagster: only for this command

    started = time.perf_counter()
    summary = run_pipeline(inbox=args.inbox, warehouse=args.warehouse, force=args.force, broker=args.broker)
    print(summary.render(time.perf_counter() - started))
    return summary.exit_code


def package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("budget-etl")
    except PackageNotFoundError:
        return "unknown (not installed: run `make setup`)"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="budget-etl", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"%(prog)s {package_version()}")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="materialize the whole graph for every PDF in the inbox")
    run.add_argument("--inbox", help="folder of PDFs (env BUDGET_INBOX; default: bundled samples)")
    run.add_argument("--warehouse", help="DuckDB file to publish (env BUDGET_WAREHOUSE)")
    run.add_argument("--force", action="store_true", help="re-extract documents already done")
    run.add_argument("--broker", help="extract and clean on the dagster-celery workers of this broker, "
                                      "e.g. redis://host:6379/0 (see docs/scaling.md)")
    run.set_defaults(handler=command_run)
    sql = commands.add_parser("sql", help="run SQL queries against the warehouse, read-only",
                              formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    sql.add_argument("query", nargs="?", help="one or more statements separated by ';' (or use --file)")
    sql.add_argument("--file", help="read the statements from this file")
    sql.add_argument("--format", choices=FORMATS, default="table",
                     help="table for reading; csv, json (one object per line) or markdown for other tools")
    sql.add_argument("--warehouse", help="the published DuckDB file (env BUDGET_WAREHOUSE)",
                     default=None)
    sql.add_argument("--max-rows", type=int, default=100, help="rows shown per result in table format")
    sql.set_defaults(handler=command_sql)
    export = commands.add_parser("export", help="write every mart as Parquet or CSV")
    export.add_argument("--format", choices=["parquet", "csv"], default="parquet")
    export.add_argument("--out", default="exports")
    export.add_argument("--warehouse")
    export.set_defaults(handler=command_export)
    report = commands.add_parser("report", help="write the reviewers' offline HTML report: every finding on its page")
    report.add_argument("--warehouse", help="the published DuckDB file (env BUDGET_WAREHOUSE)")
    report.add_argument("--out", help="folder to write index.html and the pages into "
                                      "(default: <warehouse name>_report beside the warehouse)")
    report.set_defaults(handler=command_report)
    docs = commands.add_parser("docs", help="serve the Data Docs (quality checks) on 127.0.0.1")
    docs.add_argument("--port", type=int, default=8008)
    docs.add_argument("--warehouse")
    docs.set_defaults(handler=command_docs)
    ui = commands.add_parser("ui", help="the Dagster UI and daemon for this warehouse on 127.0.0.1")
    ui.add_argument("--port", type=int, default=3000)
    ui.add_argument("--warehouse")
    ui.set_defaults(handler=command_ui)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
