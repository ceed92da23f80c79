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


# `dagster dev` warns on every start that it is superseded by `dg dev` (not part of Dagster's install);
# its daemon logs each sensor tick at INFO. Warnings and errors still print; runs log in the UI.
SUPERSEDED_WARNING = "ignore:Function `dev_command` is superseded"
UI_LOG_LEVEL = "warning"


def ui_invocation(paths, home: Path, port: int) -> tuple[list[str], dict[str, str]]:
    """The `dagster dev` command line and environment that serve these BudgetPaths from their home."""
    dagster = Path(sys.executable).with_name("dagster")
    warnings = ",".join(filter(None, [os.environ.get("PYTHONWARNINGS"), SUPERSEDED_WARNING]))
    env = {**os.environ, "DAGSTER_HOME": str(home), "BUDGET_INBOX": paths.inbox, "BUDGET_WAREHOUSE": paths.warehouse,
           "PYTHONWARNINGS": warnings}
    return [str(dagster), "dev", "-h", "127.0.0.1", "-p", str(port), "--log-level", UI_LOG_LEVEL,
            "-m", "pipelines.definitions"], env


def command_ui(args: argparse.Namespace) -> int:
    """Replace this process by `dagster dev` (UI and daemon) on the warehouse's own Dagster home,
    or exit with a one-line reason when the inbox or the warehouse path cannot be used."""
    from assets.defs.resources import paths_from_env
    from pipelines.home import HomeTaken, dagster_home, prepare_home
    from pipelines.run import path_problem

    warehouse = warehouse_path(args.warehouse).resolve()
    paths = paths_from_env(args.inbox, str(warehouse))
    problem = path_problem(paths)
    if problem:
        sys.exit(f"budget-etl ui: {problem}")
    home = dagster_home(warehouse)
    try:
        prepare_home(home, warehouse)
    except HomeTaken as taken:
        sys.exit(f"budget-etl ui: {taken}")
    argv, env = ui_invocation(paths, home, args.port)
    print(f"Dagster UI for {warehouse} (inbox {paths.inbox}) on http://127.0.0.1:{args.port} (Dagster home {home}); "
          "Ctrl-C to stop", flush=True)
    os.execve(argv[0], argv, env)


def command_run(args: argparse.Namespace) -> int:
    from pipelines.run import run_pipeline  # imports Dagster: only for this command

    started = time.perf_counter()
    summary = run_pipeline(inbox=args.inbox, warehouse=args.warehouse, force=args.force, broker=args.broker)
    seconds = time.perf_counter() - started
    print(summary.as_json(seconds) if args.json else summary.render(seconds))
    return summary.exit_code


def package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("budget-etl")
    except PackageNotFoundError:
        return "unknown (not installed: run `make setup`)"


WAREHOUSE_DEFAULT = "(default: $BUDGET_WAREHOUSE, else warehouse/budget.duckdb)"


def add_warehouse_option(command: argparse.ArgumentParser, what: str = "the published DuckDB file") -> None:
    command.add_argument("--warehouse", metavar="FILE", help=f"{what} {WAREHOUSE_DEFAULT}")


def add_inbox_option(command: argparse.ArgumentParser) -> None:
    command.add_argument("--inbox", metavar="DIR",
                         help="folder of PDFs (default: $BUDGET_INBOX, else the bundled samples/)")


def add_command(commands, name: str, help: str) -> argparse.ArgumentParser:
    """A sub-command; its one-line help is also the description its own --help starts with."""
    return commands.add_parser(name, help=help, description=help[0].upper() + help[1:] + ".")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="budget-etl", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"%(prog)s {package_version()}")
    commands = parser.add_subparsers(dest="command", required=True)
    run = add_command(commands, "run", "materialize the whole graph for every PDF in the inbox")
    add_inbox_option(run)
    add_warehouse_option(run, "DuckDB file to publish")
    run.add_argument("--force", action="store_true",
                     help="re-extract every document (default: off, documents unchanged since the last run "
                          "are skipped)")
    run.add_argument("--broker", metavar="URL",
                     help="extract and clean on the dagster-celery workers of this broker, e.g. "
                          "redis://host:6379/0, see docs/scaling.md (default: none, in local processes)")
    run.add_argument("--json", action="store_true",
                     help="print the summary as one JSON object on stdout for schedulers, progress on stderr "
                          "(default: off, a summary for people)")
    run.set_defaults(handler=command_run)
    sql = add_command(commands, "sql", "run SQL queries against the warehouse, read-only")
    sql.add_argument("query", nargs="?",
                     help="one or more statements separated by ';' (default: none, then --file is needed)")
    sql.add_argument("--file", help="read the statements from this file (default: none, the query argument)")
    sql.add_argument("--format", choices=FORMATS, default="table",
                     help="table for reading; csv, json (one object per line) or markdown for other tools "
                          "(default: %(default)s)")
    add_warehouse_option(sql)
    sql.add_argument("--max-rows", type=int, default=100, metavar="N",
                     help="rows shown per result in table format (default: %(default)s)")
    sql.set_defaults(handler=command_sql)
    export = add_command(commands, "export", "write every mart as Parquet or CSV")
    export.add_argument("--format", choices=["parquet", "csv"], default="parquet",
                        help="file format, one file per table of marts and quality (default: %(default)s)")
    export.add_argument("--out", default="exports", metavar="DIR",
                        help="folder to write the files into, made when missing (default: %(default)s)")
    add_warehouse_option(export)
    export.set_defaults(handler=command_export)
    report = add_command(commands, "report", "write the reviewers' offline HTML report: every finding on its page")
    add_warehouse_option(report)
    report.add_argument("--out", metavar="DIR",
                        help="folder to write index.html and the pages into "
                             "(default: <warehouse name>_report beside the warehouse)")
    report.set_defaults(handler=command_report)
    docs = add_command(commands, "docs", "serve the Data Docs (quality checks) on 127.0.0.1")
    docs.add_argument("--port", type=int, default=8008, help="port to serve on (default: %(default)s)")
    add_warehouse_option(docs, "the warehouse whose last run's Data Docs are served")
    docs.set_defaults(handler=command_docs)
    ui = add_command(commands, "ui", "the Dagster UI and daemon for this warehouse on 127.0.0.1")
    ui.add_argument("--port", type=int, default=3000, help="port of the UI (default: %(default)s)")
    add_inbox_option(ui)
    add_warehouse_option(ui, "the warehouse the UI's runs build, with its own Dagster home")
    ui.set_defaults(handler=command_ui)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
