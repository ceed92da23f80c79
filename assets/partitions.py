"""One document = one partition, keyed by its content-hash id (the file name is metadata)."""
from dagster import DynamicPartitionsDefinition

documents_partitions = DynamicPartitionsDefinition(name="documents")
