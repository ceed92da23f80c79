"""Accounting identities as data (identities/*.toml) and a pure runner that evaluates them in
DuckDB and validates the gaps with Great Expectations."""
