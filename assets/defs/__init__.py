"""The Dagster definitions of each stage, thin wiring over the pure packages: read in order,
ingest, extraction, cleaning, warehouse_models, quality, publishing are the pipeline."""
