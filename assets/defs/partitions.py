"""One document = one partition, keyed by its file name and its content-hash id, so the UI lists
documents by name ("焦作 政府办 2023.pdf · 8c3c0d45b0ba2d3a"); the work files go by the id alone.

Runs that write the DuckDB working database carry WRITER_TAGS; the instance allows one such run
at a time (see pipelines/dagster.yaml), so they never fight over DuckDB's single-writer lock.
"""
import re
import warnings

from dagster import BackfillPolicy, BetaWarning, DynamicPartitionsDefinition

documents_partitions = DynamicPartitionsDefinition(name="documents")
# The document assets take a range of partitions in one run (a backfill is one run); Dagster 1.13
# still calls the parameter beta, and would say so on every command's terminal.
SINGLE_RUN = BackfillPolicy.single_run()
warnings.filterwarnings("ignore", message="Parameter `backfill_policy`", category=BetaWarning)
WRITER_TAGS = {"budget/duckdb_writer": "true"}
KEY_SEPARATOR = " · "
# Dagster refuses "..." and control characters in a key; its UI reads "," and "[ ]" as lists and ranges
UNSAFE_IN_KEY = re.compile(r"\.\.\.|[,\[\]\x00-\x1f\x7f]")


def partition_key(file_name: str, document_id: str) -> str:
    """The partition of a document: its file name (characters Dagster cannot take as "_"), then its id."""
    return f"{UNSAFE_IN_KEY.sub('_', file_name)}{KEY_SEPARATOR}{document_id}"


def document_id_of(key: str) -> str:
    """The document id a partition key ends with (a key of an older version is the id itself)."""
    return key.rsplit(KEY_SEPARATOR, 1)[-1]
