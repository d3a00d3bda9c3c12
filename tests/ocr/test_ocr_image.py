"""Bitmap stage of the OCR route: rulings by run length, deskew by projection profile, speck removal."""

import numpy as np
import pymupdf
import pytest
from PIL import Image

from extractor.ingest import ocr_image
from extractor.ingest.ocr_image import PageImage


def _blank(h: int = 600, w: int = 800) -> np.ndarray:
    return np.full((h, w), 255, dtype=np.uint8)


def test_rulings_found_in_points_and_letters_ignored():
    px = _blank()
    px[100:102, 50:750] = 0  # a horizontal rule, 2 px thick
    px[100:500, 400:402] = 0  # a vertical rule
    px[300:320, 100:112] = 0  # a letter-sized blob: no ruling
    rulings, mask = ocr_image.find_rulings(PageImage(px, 144))  # 144 dpi: 0.5 pt per pixel
    horizontal = [r for r in rulings if r.horizontal]
    vertical = [r for r in rulings if not r.horizontal]
    assert len(horizontal) == 1 and len(vertical) == 1
    assert horizontal[0].pos == pytest.approx(50.5, abs=0.6) and horizontal[0].start == pytest.approx(25, abs=1)
    assert vertical[0].pos == pytest.approx(200.5, abs=0.6) and vertical[0].end == pytest.approx(250, abs=1)
    cleaned = ocr_image.erase(PageImage(px, 144), mask)
    assert cleaned[100:102, 50:750].min() == 255  # the rule is gone ...
    assert cleaned[305, 105] == 0  # ... the letter is not


@pytest.mark.parametrize("horizontal", [True, False])
def test_broken_rule_is_bridged(horizontal):
    px = _blank(800, 800)
    px[200:202, 50:750] = 0
    px[200:202, 300:302] = 255  # a 2-pixel break (JPEG noise)
    px = px if horizontal else np.ascontiguousarray(px.T)
    rulings, _ = ocr_image.find_rulings(PageImage(px, 144))
    assert [round(r.end - r.start) for r in rulings if r.horizontal == horizontal] == [350]
    assert not [r for r in rulings if r.horizontal != horizontal]


@pytest.mark.parametrize("min_len", [1, 2, 7, 8, 90])
def test_rows_with_a_long_run_are_those_a_plain_scan_finds(min_len):
    rng = np.random.default_rng(min_len)
    mask = rng.random((300, 200)) < 0.9  # runs of every length up to the row's width
    mask[0, :] = False
    mask[0, :min_len] = True  # a run of exactly min_len at the row's start
    mask[1, :] = False
    mask[1, 200 - min_len :] = True  # ... and at its end
    mask[2, :] = False
    mask[2, 50 : 49 + min_len] = True  # one cell short

    def longest(row: np.ndarray) -> int:
        best = run = 0
        for cell in row:
            run = run + 1 if cell else 0
            best = max(best, run)
        return best

    expected = [i for i, row in enumerate(mask) if longest(row) >= min_len]
    assert ocr_image._rows_with_run(mask, min_len).tolist() == expected
    assert ocr_image._rows_with_run(np.ascontiguousarray(mask.T).T, min_len).tolist() == expected  # a view in F order


def test_otsu_threshold_maximises_the_between_class_variance():
    rng = np.random.default_rng(7)
    pixels = np.concatenate([rng.normal(60, 20, 3000), rng.normal(200, 25, 9000)]).clip(0, 255).astype(np.uint8)
    pixels = pixels.reshape(60, 200)

    def between(t: int) -> float:
        dark, light = pixels[pixels <= t].astype(float), pixels[pixels > t].astype(float)
        if not len(dark) or not len(light):
            return 0.0
        return len(dark) * len(light) * (dark.mean() - light.mean()) ** 2

    best = max(range(256), key=between)
    assert ocr_image.otsu_threshold(pixels) == best


def _text_page(angle: float) -> PageImage:
    doc = pymupdf.open()
    page = doc.new_page(width=400, height=300)
    for i in range(8):
        page.insert_text((30, 40 + 28 * i), "Thai plan text line number %d with words" % i, fontsize=12)
    pix = page.get_pixmap(dpi=150, colorspace=pymupdf.csGRAY)
    px = np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.stride)[:, : pix.width]
    rotated = Image.fromarray(px).rotate(angle, resample=Image.BILINEAR, fillcolor=255)
    return PageImage(np.asarray(rotated).copy(), 150)


@pytest.mark.parametrize("angle", [-1.5, 0.7, 2.2])
def test_deskew_levels_a_rotated_page(angle):
    image = _text_page(angle)
    assert abs(ocr_image.estimate_skew(ocr_image.ink_mask(image.pixels))) > 0.4
    levelled = ocr_image.deskew(image)
    assert abs(levelled.skew_degrees) == pytest.approx(abs(angle), abs=0.2)
    assert abs(ocr_image.estimate_skew(ocr_image.ink_mask(levelled.pixels))) <= 0.15


def test_straight_page_is_not_rotated():
    image = _text_page(0.0)
    assert ocr_image.deskew(image) is image


def test_specks_removed_dots_kept():
    px = _blank(200, 200)
    px[50, 50] = 0  # a one-pixel speck
    px[80:82, 120:122] = 0  # a 2x2 speck
    px[150:156, 60:66] = 0  # a full stop at 300 dpi
    image = PageImage(px, 300)
    specks = ocr_image.speckles(image)
    assert specks[50, 50] and specks[80, 120]
    assert not specks[150:156, 60:66].any()
