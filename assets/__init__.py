"""The budget pipeline: pure stages (`extract/`, `clean/`, `audit/`, `templates/`, `work_files`)
that know nothing of Dagster, and `defs/`, the Dagster assets that wire them together.
"""
