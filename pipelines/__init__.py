"""Entry points and wiring (Dagster definitions, jobs, CLI); computes no number itself."""
