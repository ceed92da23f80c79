"""Narrative audit: the 说明's sentences -> findings (rule id, severity, page, quoted sentence,
printed vs expected). Pure logic, no Dagster; the rules are described in rules.toml."""
