"""The inbox sensor and the daily schedule, evaluated against a real instance and real files."""
from __future__ import annotations

import shutil
from datetime import datetime

from dagster import DagsterInstance, SkipReason, build_schedule_context, build_sensor_context, materialize

from assets.work_files import scan_inbox
from assets.defs.ingest import source_documents
from assets.defs.partitions import document_id_of, documents_partitions, partition_key
from assets.defs.resources import paths_from_env
from pipelines.schedules import daily_refresh
from pipelines.sensors import inbox_sensor
from tests.conftest import REFERENCE_PDF


def local_instance(tmp_path) -> DagsterInstance:
    """A real on-disk instance (schedules need one), not installed as the process default."""
    (tmp_path / "home").mkdir()
    return DagsterInstance.local_temp(str(tmp_path / "home"))


def evaluate_sensor(instance, paths):
    with build_sensor_context(instance=instance, resources={"paths": paths}) as context:
        return inbox_sensor(context)


def setup_inbox(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(REFERENCE_PDF, inbox / "a.pdf")
    (inbox / "b.pdf").write_bytes(REFERENCE_PDF.read_bytes() + b"\n% other\n")
    return inbox, paths_from_env(str(inbox), str(tmp_path / "wh" / "budget.duckdb"))


def test_sensor_registers_new_pdfs_and_requests_one_run_each(tmp_path):
    inbox, paths = setup_inbox(tmp_path)
    with local_instance(tmp_path) as instance:
        result = evaluate_sensor(instance, paths)
        keys = sorted(f"{f.file_name} · {f.document_id}" for f in scan_inbox(inbox))
        assert keys[0].startswith("a.pdf · ") and keys[1].startswith("b.pdf · ")
        assert sorted(r.partition_key for r in result.run_requests) == keys
        added = [r for r in result.dynamic_partitions_requests if r.partition_keys]
        assert added[0].partitions_def_name == documents_partitions.name
        assert sorted(added[0].partition_keys) == keys


def test_sensor_drops_a_removed_pdf_and_rebuilds_the_warehouse(tmp_path):
    inbox, paths = setup_inbox(tmp_path)
    with local_instance(tmp_path) as instance:
        ids = [f.document_id for f in scan_inbox(inbox)]
        instance.add_dynamic_partitions(documents_partitions.name, [f"{f.file_name} · {f.document_id}"
                                                                    for f in scan_inbox(inbox)])
        for doc_id in ids:  # pretend both were cleaned with the current specs
            folder = paths.data_dir / "clean" / doc_id
            folder.mkdir(parents=True)
            from assets.work_files import VERSION_FILE, extractor_version
            (folder / VERSION_FILE).write_text(extractor_version())
        quiet = evaluate_sensor(instance, paths)
        assert isinstance(quiet, SkipReason)

        (inbox / "b.pdf").unlink()
        result = evaluate_sensor(instance, paths)
        deleted = [r for r in result.dynamic_partitions_requests if r.partition_keys and
                   type(r).__name__.startswith("Delete")]
        assert len(deleted) == 1 and len(deleted[0].partition_keys) == 1
        assert [r.job_name for r in result.run_requests] == ["warehouse_job"]


def test_daily_schedule_reruns_only_stale_documents(tmp_path):
    inbox, paths = setup_inbox(tmp_path)
    with local_instance(tmp_path) as instance:
        files = sorted(scan_inbox(inbox), key=lambda f: f.document_id)
        ids = [f.document_id for f in files]
        instance.add_dynamic_partitions(documents_partitions.name, [f"{f.file_name} · {f.document_id}" for f in files])
        fresh = paths.data_dir / "clean" / ids[0]
        fresh.mkdir(parents=True)
        from assets.work_files import VERSION_FILE, extractor_version
        (fresh / VERSION_FILE).write_text(extractor_version())
        (paths.data_dir / "clean" / ids[1]).mkdir(parents=True)  # cleaned with older specs
        with build_schedule_context(instance=instance, resources={"paths": paths},
                                    scheduled_execution_time=datetime(2026, 11, 28, 6)) as context:
            requests = daily_refresh(context)
        assert [r.partition_key for r in requests] == [f"{files[1].file_name} · {ids[1]}"]


def test_a_partition_key_is_the_file_name_dagster_can_take_then_the_id():
    key = partition_key("2023年 预算, 第[1]册....pdf", "8c3c0d45b0ba2d3a")
    assert key == "2023年 预算_ 第_1_册_.pdf · 8c3c0d45b0ba2d3a"
    assert document_id_of(key) == "8c3c0d45b0ba2d3a"
    assert document_id_of("8c3c0d45b0ba2d3a") == "8c3c0d45b0ba2d3a"  # a key of an older version


def test_a_renamed_pdf_keeps_its_work_files_a_removed_one_loses_them(tmp_path):
    inbox, paths = setup_inbox(tmp_path)
    a = next(f for f in scan_inbox(inbox) if f.file_name == "a.pdf")
    work = paths.data_dir / "clean" / a.document_id
    work.mkdir(parents=True)
    with local_instance(tmp_path) as instance:
        def scan() -> list[str]:
            assert materialize([source_documents], instance=instance, resources={"paths": paths}).success
            return sorted(instance.get_dynamic_partitions(documents_partitions.name))

        assert scan()[0] == f"a.pdf · {a.document_id}"
        (inbox / "a.pdf").rename(inbox / "c.pdf")
        assert scan()[1] == f"c.pdf · {a.document_id}" and work.is_dir()
        (inbox / "c.pdf").unlink()
        assert len(scan()) == 1 and not work.exists()
