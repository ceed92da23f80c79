"""One document = one partition, keyed by its content-hash id (the file name is metadata).

Runs that write the DuckDB working database carry WRITER_TAGS; the instance allows one such run
at a time (see pipelines/dagster.yaml), so they never fight over DuckDB's single-writer lock.
"""
from dagster import DynamicPartitionsDefinition

documents_partitions = DynamicPartitionsDefinition(name="documents")
WRITER_TAGS = {"budget/duckdb_writer": "true"}
