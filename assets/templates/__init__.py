"""Declarative table specs, one TOML file per document template, and the model that validates them."""
