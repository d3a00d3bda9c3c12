import pytest

from extractor.errors import InputError
from extractor.ingest import read
from extractor.ingest.text_decode import decode_text


def test_utf8_with_bom():
    assert decode_text("\ufeffแผนปฏิบัติราชการ".encode("utf-8")) == "แผนปฏิบัติราชการ"


def test_cp874_thai_is_decoded():
    assert decode_text("แผนปฏิบัติราชการ ประจำปี 2567".encode("cp874")) == "แผนปฏิบัติราชการ ประจำปี 2567"


def test_binary_is_refused():
    with pytest.raises(InputError):
        decode_text(b"\x00\x01\x02binary")


def test_empty_input_is_refused():
    with pytest.raises(InputError, match="empty"):
        read(b"  \n ")


def test_missing_path_is_a_clear_error(tmp_path):
    with pytest.raises(InputError, match="cannot read"):
        read(tmp_path / "nope.txt")
