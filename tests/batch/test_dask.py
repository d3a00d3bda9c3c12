"""The same batch on a Dask cluster (an in-process LocalCluster here) gives the local pool's outputs."""

import pytest

from extractor.batch import BatchOptions, run_batch
from tests.batch.conftest import assert_same_outputs, catalogue_rows

distributed = pytest.importorskip("dask.distributed")


def test_local_dask_cluster_gives_the_outputs_of_the_local_pool(batch_corpus, reference_run, tmp_path):
    """Through the scheduler's TCP address, as ``extractor batch --scheduler tcp://…`` does."""
    out = tmp_path / "dask-out"
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, protocol="tcp", dashboard_address=":0"
    ) as cluster:
        assert cluster.scheduler_address.startswith("tcp://")
        summary = run_batch([batch_corpus], out, BatchOptions(progress=False, scheduler=cluster.scheduler_address))
    assert summary.ok and summary.parsed == 6
    assert_same_outputs(reference_run, out)
    assert catalogue_rows(out, "SELECT count(*) FROM documents WHERE status = 'done'") == [(6,)]


def test_a_hung_document_on_dask_fails_by_the_time_limit_and_frees_the_worker(tmp_path):
    from tests.batch.parsers import HANG

    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "hangs.txt").write_bytes(HANG)
    (inputs / "fine.txt").write_bytes("แผนปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ. 2567\n".encode())
    options = BatchOptions(timeout=5, progress=False, parser="tests.batch.parsers:misbehaving_parse", exports=())
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=":0"
    ) as cluster, distributed.Client(cluster) as client:
        summary = run_batch([inputs], tmp_path / "out", options, dask_client=client)
    assert summary.succeeded == [str(inputs / "fine.txt")]
    assert [(p, r.split(":")[0]) for p, r in summary.failed] == [(str(inputs / "hangs.txt"), "LimitExceededError")]
