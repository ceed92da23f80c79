"""The Dagster asset graph of the budget pipeline and the pure stages it wires together.

Reading the stage modules in order (documents, raw_cells, clean_tables, staging, marts,
checks) is reading the pipeline; `extract/`, `clean/` and `templates/` know nothing of Dagster.
"""
