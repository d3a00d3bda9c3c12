import json
import subprocess
import sys

from extractor.cli import main


def test_schema_command_prints_the_json_schema(capsys):
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "PlanDocument"


def test_parse_of_a_missing_file_is_a_clear_error(capsys, tmp_path):
    assert main(["parse", str(tmp_path / "missing.pdf")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_parse_of_an_empty_file_is_a_clear_error(capsys, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["parse", str(empty)]) == 2
    assert "empty" in capsys.readouterr().err


def test_console_script_entry_point_runs():
    result = subprocess.run([sys.executable, "-m", "extractor.cli", "schema"], capture_output=True, text=True)
    assert result.returncode == 0 and '"PlanDocument"' in result.stdout
