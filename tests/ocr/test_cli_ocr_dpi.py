"""``extractor parse --ocr-dpi``: the resolution reaches the OCR route; a bad value is a usage error."""

import pytest

import extractor.pipeline
from extractor.cli import main
from tests.conftest import CORPUS


def test_ocr_dpi_reaches_the_parser(monkeypatch, tmp_path):
    seen = {}
    real = extractor.pipeline.parse

    def spy(source, **options):
        seen.update(options)
        return real(source, **options)

    monkeypatch.setattr(extractor.pipeline, "parse", spy)
    assert main(["parse", str(CORPUS / "004_ca4f95fc6c9452ec.txt"), "--ocr-dpi", "250", "-o", str(tmp_path / "out.json")]) == 0
    assert seen["ocr"].dpi == 250


@pytest.mark.parametrize("value", ["20", "5000", "high"])
def test_bad_ocr_dpi_is_a_usage_error(value, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["parse", "x.pdf", "--ocr-dpi", value])
    assert exit_info.value.code == 2 and "--ocr-dpi" in capsys.readouterr().err
