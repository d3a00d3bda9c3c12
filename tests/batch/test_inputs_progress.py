"""Input expansion (files, folders, list files) and the progress display."""

import io

from extractor.batch.inputs import expand_inputs
from extractor.batch.progress import Progress


def test_files_folders_and_list_files_expand_to_sorted_unique_paths(tmp_path):
    archive = tmp_path / "archive"
    (archive / "2566" / ".thumbs").mkdir(parents=True)
    (archive / "2566" / "b.pdf").write_bytes(b"x")
    (archive / "2566" / ".thumbs" / "t.png").write_bytes(b"x")
    (archive / "a.txt").write_bytes(b"x")
    (archive / ".DS_Store").write_bytes(b"x")
    out = archive / "out"
    (out / "documents").mkdir(parents=True)
    (out / "documents" / "old.json").write_bytes(b"{}")
    lists = tmp_path / "lists"
    lists.mkdir()
    (lists / "more.txt").write_bytes(b"x")
    (lists / "batch.txt").write_text("# archive list\nmore.txt\n\n../archive/a.txt\nnot-there.pdf\n", encoding="utf-8")

    paths, missing = expand_inputs([archive, f"@{lists / 'batch.txt'}", archive / "a.txt"], exclude=out)

    assert paths == sorted([archive / "2566" / "b.pdf", archive / "a.txt", lists / "more.txt"], key=str)
    assert [(m.path, m.reason) for m in missing] == [(str(lists / "not-there.pdf"), "no such file or folder")]


def test_an_unreadable_list_file_is_reported_not_fatal(tmp_path):
    paths, missing = expand_inputs([f"@{tmp_path / 'nope.txt'}"])
    assert paths == [] and missing[0].reason.startswith("cannot read the list file")


def test_progress_writes_plain_lines_when_not_a_terminal():
    stream = io.StringIO()
    progress = Progress(4, stream, tty=False, interval=0)
    progress.advance(parsed=False)
    progress.advance(parsed=True, pages=12)
    progress.advance(parsed=True, failed=True)
    progress.close()
    lines = stream.getvalue().splitlines()
    assert len(lines) == 3 and "\r" not in stream.getvalue()  # close() repeats no line
    assert lines[2].startswith("[##################------] 3/4 documents (1 skipped, 1 failed)")
    assert "docs/s" in lines[2] and "pages/s" in lines[2] and "ETA 0:" in lines[2]


def test_progress_redraws_one_line_on_a_terminal():
    stream = io.StringIO()
    progress = Progress(2, stream, tty=True, interval=0)
    progress.advance(parsed=True, pages=3)
    progress.advance(parsed=True, pages=3)
    progress.close()
    text = stream.getvalue()
    assert text.count("\r") == 3 and text.endswith("\n") and text.count("\n") == 1
    assert "2/2 documents" in text and "ETA 0:00:00" in text


def test_the_batch_command_rejects_an_unknown_export_format(capsys, tmp_path):
    import pytest

    from extractor.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(["batch", str(tmp_path), "-o", str(tmp_path / "out"), "--exports", "csv,pdf"])
    assert exit_info.value.code == 2 and "unknown export format(s): pdf" in capsys.readouterr().err
