"""The reviewers' report: a static, offline HTML site built from a published warehouse, one page
per document with its findings pictured on their PDF pages (no Dagster, no network)."""
