"""The DuckDB warehouse: SQL files for staging and marts, and pure helpers that run them."""
