"""Every kind of bad input gets a clear answer: a typed exception from the API, a message and exit code from the
CLI; never a hang, a crash or silently lost content."""

import random

import pymupdf
import pytest

import extractor
from extractor.cli import main
from extractor.errors import EncryptedPDFError, InputError
from tests.bad_inputs.conftest import pdf_bytes


def _cli(tmp_path, data: bytes, name: str, capsys, *extra) -> tuple[int, str]:
    path = tmp_path / name
    path.write_bytes(data)
    code = main(["parse", str(path), *extra])
    return code, capsys.readouterr().err


def test_empty_file(tmp_path, capsys):
    with pytest.raises(InputError, match="empty"):
        extractor.parse(b"")
    code, err = _cli(tmp_path, b"", "empty.pdf", capsys)
    assert code == 2 and "empty" in err


def test_random_bytes(tmp_path, capsys):
    data = random.Random(7).randbytes(4096)
    with pytest.raises(InputError):
        extractor.parse(data)
    code, err = _cli(tmp_path, data, "random.bin", capsys)
    assert code == 2 and err.startswith("extractor: error:")


def test_non_pdf_with_a_pdf_name_is_read_for_what_it_is(tmp_path, capsys):
    """A text export misnamed .pdf is still a text export: content decides, not the name."""
    code, err = _cli(tmp_path, "ข้อความธรรมดา ไม่ใช่แผน".encode(), "plan.pdf", capsys)
    assert code == 0
    document = extractor.parse(tmp_path / "plan.pdf")
    assert [f.code for f in document.findings if f.code == "template.not_recognised"]


def test_binary_non_pdf_with_a_pdf_name(tmp_path, capsys):
    code, err = _cli(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "scan.pdf", capsys)
    assert code == 2 and "binary" in err


def test_truncated_pdf(good_pdf):
    with pytest.raises(InputError):
        extractor.parse(good_pdf[: len(good_pdf) // 3])


def test_pdf_with_a_broken_xref_is_repaired_or_refused_clearly(good_pdf):
    broken = good_pdf.replace(b"xref", b"xXef")
    try:
        document = extractor.parse(broken)
    except InputError:
        return
    assert document.input.format.startswith("pdf")


def test_encrypted_pdf_without_password(tmp_path, capsys):
    data = pdf_bytes(encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="secret", owner_pw="owner")
    with pytest.raises(EncryptedPDFError):
        extractor.parse(data)
    code, err = _cli(tmp_path, data, "locked.pdf", capsys)
    assert code == 3 and "password" in err


def test_encrypted_pdf_with_the_password(tmp_path, capsys):
    data = pdf_bytes(encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="secret", owner_pw="owner")
    document = extractor.parse(data, password="secret")
    assert document.input.format.startswith("pdf")
    code, _ = _cli(tmp_path, data, "locked.pdf", capsys, "--password", "secret")
    assert code == 0


def test_wrong_password(good_pdf):
    data = pdf_bytes(encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="secret", owner_pw="owner")
    with pytest.raises(EncryptedPDFError):
        extractor.parse(data, password="wrong")


def test_zero_page_pdf():
    head = b"%PDF-1.7\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    data = head + b"trailer<</Root 1 0 R>>\n%%EOF\n"
    with pytest.raises(InputError):
        extractor.parse(data)


def test_dump_with_no_recognisable_plan_is_a_finding():
    document = extractor.parse("รายงานการประชุม\nวาระที่ 1 เรื่องแจ้งเพื่อทราบ\n".encode())
    assert document.document.template_id is None
    assert any(f.code == "template.not_recognised" for f in document.findings)


def test_cp874_text_export_is_decoded():
    text = "แผนปฏิบัติราชการ ประจำปี พ.ศ. 2567\nส่วนที่ 1 การดำเนินงาน\n"
    document = extractor.parse(text.encode("cp874"))
    assert document.input.format == "text-dump"
