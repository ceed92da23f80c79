"""Many documents in one Dagster run: a batch of partitions is one run over their range, each
partition materialized with its own metadata; a document failing in a batch fails alone."""
from __future__ import annotations

import pytest
from dagster import AssetKey, DagsterInstance, RunsFilter
from dagster._core.storage.tags import ASSET_PARTITION_RANGE_END_TAG, ASSET_PARTITION_RANGE_START_TAG

import assets.defs.cleaning as cleaning
from pipelines.run import batches
from tests.conftest import ROOT, run_pipeline_isolated

SMALL_PDF = ROOT / "tests" / "fixtures" / "rendered" / "port_7pt_w90_rep.pdf"
NAMES = [f"{letter}.pdf" for letter in "abcdefgh"]


def test_batches_are_consecutive_partitions_that_shrink_towards_the_end():
    order = [f"d{i}" for i in range(40)]
    runs = batches(order, order[:5] + order[10:], dict.fromkeys(order, 1), workers=2)
    assert sorted(d for batch in runs for d in batch) == sorted(order[:5] + order[10:])
    assert all(order.index(b[-1]) - order.index(b[0]) == len(b) - 1 for b in runs)  # one range each
    assert [len(b) for b in runs] == sorted((len(b) for b in runs), reverse=True)
    assert len(runs[0]) == 7 and len(runs[-1]) == 1  # 30 left after the first five: 30 / 4 rounds down
    assert batches(["a", "b", "c"], ["a", "b", "c"], {"a": 1, "b": 100, "c": 1}, 2) == [["b"], ["a"], ["c"]]


@pytest.fixture(scope="module")
def batch_run(tmp_path_factory):
    """Eight copies of a small rendered budget in one worker (batches a-d, e-f, g, h), cleaning b.pdf failing."""
    base = tmp_path_factory.mktemp("batches")
    inbox = base / "inbox"
    inbox.mkdir()
    for index, name in enumerate(NAMES):
        (inbox / name).write_bytes(SMALL_PDF.read_bytes() + f"\n% copy {index}\n".encode())
    read_raw = cleaning.read_raw

    def failing_for_b(data_dir, document_id):
        facts, extracted = read_raw(data_dir, document_id)
        if facts["file_name"] == "b.pdf":
            raise OSError("the disk failed while b.pdf was read")
        return facts, extracted

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(cleaning, "read_raw", failing_for_b)
        summary = run_pipeline_isolated(inbox, base / "budget.duckdb", base / "home", BUDGET_WORKERS="1")
    return summary, base / "home"


def test_a_failing_document_fails_alone_in_its_batch(batch_run):
    summary, _ = batch_run
    statuses = dict(summary.documents)
    assert statuses.pop("b.pdf").startswith("error: clean_tables: OSError: the disk failed while b.pdf was read")
    assert set(statuses.values()) == {"loaded"} and len(statuses) == 7


def test_a_batch_is_one_run_and_each_partition_keeps_its_metadata(batch_run):
    _, home = batch_run
    with DagsterInstance.from_config(str(home)) as instance:
        runs = instance.get_runs(RunsFilter(job_name="document_job"))
        ranges = sorted((run.tags[ASSET_PARTITION_RANGE_START_TAG].split(" · ")[0],
                         run.tags[ASSET_PARTITION_RANGE_END_TAG].split(" · ")[0]) for run in runs)
        records = instance.fetch_materializations(AssetKey("clean_tables"), limit=100).records
    # the batch a-d failed at b: a, b, c and d ran again alone (b failing again)
    assert ranges == [("a.pdf", "a.pdf"), ("a.pdf", "d.pdf"), ("b.pdf", "b.pdf"), ("c.pdf", "c.pdf"),
                      ("d.pdf", "d.pdf"), ("e.pdf", "f.pdf"), ("g.pdf", "g.pdf"), ("h.pdf", "h.pdf")]
    files = {record.asset_materialization.partition.split(" · ")[0]:
             record.asset_materialization.metadata["file"].value for record in records}
    assert files == {name: name for name in NAMES if name != "b.pdf"}
