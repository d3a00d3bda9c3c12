"""Every kind of bad input gets a clear answer: a typed exception from the API, a message and exit code from the
CLI; never a hang, a crash or silently lost content."""

import random
import subprocess
import sys
import textwrap

import pymupdf
import pytest

import extractor
from extractor.cli import main
from extractor.errors import EncryptedPDFError, ExtractorError, InputError, LimitExceededError
from extractor.limits import Deadline, Limits
from tests.bad_inputs.conftest import big_image_pdf, pdf_bytes, raw_pdf, zero_page_pdf

REAL_PDF = "/work/shared/real-pdfs/31.pdf"


def _cli(tmp_path, data: bytes, name: str, capsys, *extra) -> tuple[int, str]:
    path = tmp_path / name
    path.write_bytes(data)
    code = main(["parse", str(path), *extra])
    return code, capsys.readouterr().err


def _encrypted() -> bytes:
    return pdf_bytes(encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="secret", owner_pw="owner")


# --- not a readable input at all -------------------------------------------------------------------------------


def test_empty_file(tmp_path, capsys):
    with pytest.raises(InputError, match="empty"):
        extractor.parse(b"")
    code, err = _cli(tmp_path, b"", "empty.pdf", capsys)
    assert code == 2 and "empty" in err


def test_whitespace_only_file():
    with pytest.raises(InputError, match="empty"):
        extractor.parse(b" \r\n\t\n")


def test_random_bytes(tmp_path, capsys):
    data = random.Random(7).randbytes(4096)
    with pytest.raises(InputError):
        extractor.parse(data)
    code, err = _cli(tmp_path, data, "random.bin", capsys)
    assert code == 2 and err.startswith("extractor: error:") and len(err.splitlines()) == 1


def test_random_high_bytes_without_nul_are_not_taken_for_thai():
    """No NUL byte, not UTF-8: the CP874 reading is refused unless it reads as Thai."""
    rng = random.Random(3)
    data = bytes(rng.randrange(0x80, 0x100) for _ in range(2000))
    with pytest.raises(InputError):
        extractor.parse(data)


def test_missing_path_and_directory(tmp_path, capsys):
    with pytest.raises(InputError, match="cannot read"):
        extractor.parse(tmp_path / "nope.pdf")
    with pytest.raises(InputError, match="cannot read"):
        extractor.parse(tmp_path)
    assert main(["parse", str(tmp_path / "nope.pdf")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_text_export_misnamed_pdf_is_read_for_what_it_is(tmp_path, capsys):
    """A text export misnamed .pdf is still a text export: content decides, not the name."""
    code, err = _cli(tmp_path, "ข้อความธรรมดา ไม่ใช่แผน".encode(), "plan.pdf", capsys)
    assert code == 0
    document = extractor.parse(tmp_path / "plan.pdf")
    assert document.input.format == "text-dump"
    assert any(f.code == "template.not_recognised" for f in document.findings)


def test_binary_non_pdf_with_a_pdf_name(tmp_path, capsys):
    code, err = _cli(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "scan.pdf", capsys)
    assert code == 2 and "binary" in err


def test_pdf_header_after_junk_is_still_a_pdf(good_pdf):
    document = extractor.parse(b"junk from a mail gateway\n" + good_pdf)
    assert document.input.format.startswith("pdf")


# --- damaged PDFs ------------------------------------------------------------------------------------------------


def test_truncated_pdf_is_refused_or_read_with_a_finding(tmp_path, capsys, good_pdf):
    """Cut inside the font: MuPDF still finds the page, without its text; the document says the file is damaged."""
    cut = good_pdf[: len(good_pdf) // 3]
    document = extractor.parse(cut)
    codes = {f.code for f in document.findings}
    assert {"pdf.truncated", "pdf.repaired"} <= codes
    with pytest.raises(InputError):
        extractor.parse(good_pdf[:200])  # cut before any page
    code, err = _cli(tmp_path, good_pdf[:200], "cut.pdf", capsys)
    assert code == 2 and "PDF" in err


def test_header_only_pdf():
    with pytest.raises(InputError):
        extractor.parse(b"%PDF-1.7\n")


@pytest.mark.parametrize("fraction", [0.02, 0.5, 0.97])
def test_truncated_real_pdf_is_refused_or_read(fraction):
    """A real PDF cut short: MuPDF may rebuild what is left; either a document or an InputError, nothing else."""
    data = open(REAL_PDF, "rb").read()
    try:
        document = extractor.parse(data[: int(len(data) * fraction)])
    except InputError:
        return
    assert any(f.code == "pdf.truncated" for f in document.findings)


def test_pdf_with_a_broken_xref_is_repaired(good_pdf):
    """MuPDF rebuilds a broken cross-reference table by scanning the objects; the text is still there."""
    for broken in (good_pdf.replace(b"xref", b"xXef"), good_pdf.replace(b"startxref\n", b"startxref\n9")):
        document = extractor.parse(broken)
        assert document.input.format.startswith("pdf") and len(document.input.pages) == 1
        assert any(f.code == "pdf.repaired" for f in document.findings)
        assert not any(f.code == "pdf.truncated" for f in document.findings)
    assert not any(f.code.startswith("pdf.") for f in extractor.parse(good_pdf).findings)


def test_zero_page_pdf(tmp_path, capsys):
    with pytest.raises(InputError, match="no pages"):
        extractor.parse(zero_page_pdf())
    code, err = _cli(tmp_path, zero_page_pdf(), "zero.pdf", capsys)
    assert code == 2 and "no pages" in err


def test_page_tree_that_cannot_be_counted(tmp_path, capsys):
    """Two thousand references to one page object: MuPDF refuses to count the pages (a RuntimeError from
    ``page_count``, which escaped the reader before)."""
    kids = b"3 0 R " * 2001
    data = raw_pdf(
        [
            b"<</Type/Catalog/Pages 2 0 R>>",
            b"<</Type/Pages/Kids[" + kids + b"]/Count 2001>>",
            b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>",
        ]
    )
    with pytest.raises(InputError, match="corrupt PDF"):
        extractor.parse(data)
    code, err = _cli(tmp_path, data, "pages.pdf", capsys)
    assert code == 2 and "corrupt PDF" in err


# --- encrypted PDFs ----------------------------------------------------------------------------------------------


def test_encrypted_pdf_without_password(tmp_path, capsys):
    with pytest.raises(EncryptedPDFError, match="no password"):
        extractor.parse(_encrypted())
    code, err = _cli(tmp_path, _encrypted(), "locked.pdf", capsys)
    assert code == 3 and "password" in err


def test_encrypted_pdf_with_the_password(tmp_path, capsys):
    document = extractor.parse(_encrypted(), password="secret")
    assert document.input.format.startswith("pdf") and len(document.input.pages) == 1
    code, _ = _cli(tmp_path, _encrypted(), "locked.pdf", capsys, "--password", "secret")
    assert code == 0


def test_wrong_password(tmp_path, capsys):
    with pytest.raises(EncryptedPDFError, match="wrong"):
        extractor.parse(_encrypted(), password="wrong")
    code, err = _cli(tmp_path, _encrypted(), "locked.pdf", capsys, "--password", "wrong")
    assert code == 3 and "wrong" in err


def test_pdf_with_only_an_owner_password_opens_without_one():
    """Permissions-only encryption (no user password): readers open it; so does the engine."""
    data = pdf_bytes(encryption=pymupdf.PDF_ENCRYPT_AES_256, owner_pw="owner", permissions=0)
    assert extractor.parse(data).input.format.startswith("pdf")


def test_password_is_harmless_for_an_unencrypted_pdf(good_pdf):
    assert extractor.parse(good_pdf, password="unused").input.format.startswith("pdf")


# --- limits ------------------------------------------------------------------------------------------------------


def test_thousands_of_pages_exceed_the_default_page_limit(tmp_path, capsys):
    data = pdf_bytes("x", pages=Limits().max_pages + 1)
    with pytest.raises(LimitExceededError, match="pages"):
        extractor.parse(data)
    code, err = _cli(tmp_path, data, "huge.pdf", capsys)
    assert code == 4 and "pages" in err


def test_page_limit_is_configurable(tmp_path, capsys):
    data = pdf_bytes(pages=3)
    with pytest.raises(LimitExceededError):
        extractor.parse(data, limits=Limits(max_pages=2))
    assert len(extractor.parse(data, limits=Limits(max_pages=3)).input.pages) == 3
    code, err = _cli(tmp_path, data, "three.pdf", capsys, "--max-pages", "2")
    assert code == 4 and "3 pages" in err


def test_enormous_page_exceeds_the_pixel_limit(tmp_path, capsys):
    data = pdf_bytes(width=14400, height=14400)  # 200 × 200 inches, the largest page PDF allows
    with pytest.raises(LimitExceededError, match="pixels"):
        extractor.parse(data)
    code, err = _cli(tmp_path, data, "poster.pdf", capsys)
    assert code == 4 and "page 1" in err
    code, _ = _cli(tmp_path, data, "poster.pdf", capsys, "--max-pixels", "off")
    assert code == 0  # nothing is rendered on the text route: switching the limit off is safe here


def test_enormous_image_exceeds_the_pixel_limit_before_it_is_decoded(tmp_path, capsys):
    data = big_image_pdf(20000, 20000)  # 400 Mpx of grey, 400 MB once decoded
    assert len(data) < 2_000_000
    with pytest.raises(LimitExceededError, match="image on page 1"):
        extractor.parse(data)
    code, err = _cli(tmp_path, data, "image.pdf", capsys)
    assert code == 4 and "20000 × 20000" in err


def test_pixel_check_survives_corrupt_page_boxes():
    """A mutated MediaBox can give an infinite, NaN or inverted page: refused by the limit, never an OverflowError."""
    for width, height in ((float("inf"), 842.0), (float("nan"), 842.0), (-14400.0, -14400.0)):
        with pytest.raises(LimitExceededError):
            Limits().check_page_size(width, height, 1)
    Limits().check_page_size(595.0, 842.0, 1)
    Limits(max_pixels=None).check_page_size(float("inf"), 1.0, 1)


def test_time_limit_is_checked_between_stages(tmp_path, capsys):
    with pytest.raises(LimitExceededError, match="time limit"):
        extractor.parse("แผนปฏิบัติราชการ\n".encode(), limits=Limits(max_seconds=1e-9))
    code, err = _cli(tmp_path, pdf_bytes(), "slow.pdf", capsys, "--max-seconds", "1e-9")
    assert code == 4 and "time limit" in err


def test_deadline_with_a_clock():
    now = [100.0]
    deadline = Deadline(5.0, clock=lambda: now[0])
    deadline.check("start")
    now[0] = 105.0
    deadline.check("at the limit")
    now[0] = 105.5
    with pytest.raises(LimitExceededError, match="page 7"):
        deadline.check("page 7")
    Deadline(None, clock=lambda: 1e12).check("no limit")


def test_out_of_memory_is_a_limit_error(monkeypatch):
    def exhausted(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr("extractor.pipeline.interpret", exhausted)
    with pytest.raises(LimitExceededError, match="memory"):
        extractor.parse("แผนปฏิบัติราชการ\n".encode())


def test_memory_limit_caps_the_process_and_is_restored():
    """In a child process: an allocation beyond the cap fails inside the block and succeeds after it."""
    script = textwrap.dedent(
        """
        import resource
        from extractor.limits import Limits, memory_limit
        before = resource.getrlimit(resource.RLIMIT_AS)
        with memory_limit(Limits(max_memory_mb=512)):
            try:
                bytearray(1024 * 1024 * 1024)
                print("allocated")
            except MemoryError:
                print("refused")
        assert resource.getrlimit(resource.RLIMIT_AS) == before
        bytearray(1024 * 1024 * 1024)
        print("restored")
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == ["refused", "restored"], result.stderr


def test_bad_limit_option_is_a_usage_error(tmp_path, good_pdf, capsys):
    with pytest.raises(SystemExit) as exit_info:
        _cli(tmp_path, good_pdf, "plan.pdf", capsys, "--max-pages", "-3")
    assert exit_info.value.code == 2


# --- text exports ------------------------------------------------------------------------------------------------

PLAN_TEXT = "แผนปฏิบัติราชการ ประจำปี พ.ศ. 2567\nส่วนที่ 1 การดำเนินงานตามยุทธศาสตร์\nโครงการพัฒนาคุณภาพชีวิต\n"


@pytest.mark.parametrize("codec", ["cp874", "tis_620"])
def test_legacy_thai_encoding_is_decoded_and_reported(codec):
    legacy = extractor.parse(PLAN_TEXT.encode(codec))
    utf8 = extractor.parse(PLAN_TEXT.encode())
    assert legacy.input.format == "text-dump"
    assert legacy.document == utf8.document
    assert [f.code for f in legacy.findings if f.code == "input.legacy_encoding"] == ["input.legacy_encoding"]
    assert not any(f.code == "input.legacy_encoding" for f in utf8.findings)


def test_utf16_export_with_a_bom_is_decoded():
    document = extractor.parse(PLAN_TEXT.encode("utf-16"))
    assert document.document == extractor.parse(PLAN_TEXT.encode()).document


def test_western_single_byte_text_is_refused_not_read_as_thai(tmp_path, capsys):
    """Windows-1252 bytes decode in CP874 too (é → a Thai tone mark): the Thai order check refuses them."""
    data = "Rapport annuel : café, élève, déjà vu, Köln, São Paulo.\n".encode("cp1252")
    with pytest.raises(InputError, match="refusing to guess"):
        extractor.parse(data)
    code, err = _cli(tmp_path, data, "report.txt", capsys)
    assert code == 2 and "CP874" in err


def test_dump_with_no_recognisable_plan_is_a_finding(tmp_path, capsys):
    data = "รายงานการประชุม\nวาระที่ 1 เรื่องแจ้งเพื่อทราบ\n".encode()
    document = extractor.parse(data)
    assert document.document.template_id is None
    assert any(f.code == "template.not_recognised" for f in document.findings)
    code, _ = _cli(tmp_path, data, "minutes.txt", capsys)
    assert code == 0


def test_unwritable_output_is_a_clear_error(tmp_path, capsys):
    (tmp_path / "plan.txt").write_bytes(PLAN_TEXT.encode())
    code = main(["parse", str(tmp_path / "plan.txt"), "-o", str(tmp_path)])  # a directory
    err = capsys.readouterr().err
    assert code == 1 and "cannot write" in err


def test_every_error_is_typed():
    """The batch runner records ExtractorError subclasses as failed rows: nothing else may escape for bad input."""
    for data in (b"", b"%PDF-1.4\n%%EOF", random.Random(1).randbytes(512), zero_page_pdf()):
        with pytest.raises(ExtractorError):
            extractor.parse(data)


def test_page_that_vanishes_when_mupdf_rebuilds_the_file(monkeypatch, good_pdf):
    """Found by benchmarks/fuzz_pdfs.py (seed 2, case 226): loading a page of a damaged file made MuPDF rebuild it,
    the rebuilt page tree had no pages, and loading the page again raised IndexError out of the reader."""
    original = pymupdf.Document.__getitem__
    loads = []

    def load_once(self, index):
        loads.append(index)
        if len(loads) > 1:
            raise IndexError(f"page {index} not in document")
        return original(self, index)

    monkeypatch.setattr(pymupdf.Document, "__getitem__", load_once)
    document = extractor.parse(good_pdf)
    assert any(f.code == "pdf.page_unreadable" for f in document.findings)


def test_mupdf_errors_are_page_findings_or_input_errors(monkeypatch, good_pdf):
    """Found by benchmarks/fuzz_pdfs.py (seed 3, case 370: "cycle in page tree"): pymupdf raises its own FzError*
    classes, which are not RuntimeErrors.  On a page they become a finding; anywhere else an InputError."""
    def cycle(self, index):
        raise pymupdf.mupdf.FzErrorFormat("code=7: cycle in page tree")

    monkeypatch.setattr(pymupdf.Document, "__getitem__", cycle)
    document = extractor.parse(good_pdf)
    assert any(f.code == "pdf.page_unreadable" and "cycle" in f.message for f in document.findings)
    monkeypatch.setattr("extractor.ingest.pdf.layout_document", lambda models: cycle(None, 0))
    with pytest.raises(InputError, match="corrupt PDF: .*cycle"):
        extractor.parse(good_pdf)
