"""Fuzz the PDF route with mutated PDFs: every outcome must be a document or an ExtractorError.

    python benchmarks/fuzz_pdfs.py [--cases 300] [--seed 1] [--timeout 60] [--save build/fuzz-crashes]

Starting points: a few pages of real plans (``../shared/real-pdfs/31.pdf``, ``14.pdf``) and small PDFs generated
here (Thai text in a TLWG font, a ruled table; written both compressed and uncompressed, so that mutations also land
in content-stream operators).  Mutations: bit flips, truncation, swapped chunks, duplicated chunks, zeroed chunks,
numbers changed in place, object references repeated (shared or cyclic page-tree kids, huge arrays).  Each case
runs in a worker process with the engine's limits and an address-space cap, under a hard timeout; the outcome is
one of

    ok       a PlanDocument came out
    typed    an ExtractorError (InputError, EncryptedPDFError, LimitExceededError): the documented failure
    crash    any other exception: a bug (traceback printed, input saved with --save)
    hang     no answer within --timeout seconds (the worker is killed and restarted)
    died     the worker process died (a segfault or the OOM killer)

The exit code is 1 when there is a crash, hang or death.  Cases are reproducible: case i of seed s is always the
same mutation of the same starting document (``--only i`` re-runs one case).
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import sys
import time
import traceback
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REAL_PDFS = ROOT.parent / "shared" / "real-pdfs"
# (file, first page (0-based), page count): a cover, ruled tables, and 14.pdf's legacy-font (remapped) text layer
REAL_SELECTIONS = [("31.pdf", 0, 1), ("31.pdf", 2, 2), ("31.pdf", 9, 1), ("14.pdf", 0, 1), ("14.pdf", 17, 1)]
THAI_FONT = Path("/usr/share/fonts/truetype/tlwg/Garuda.ttf")
WORKER_MEMORY_MB = 3072
PROGRESS_EVERY = 50  # cases between progress lines (standard error)


@dataclass(frozen=True)
class Case:
    number: int
    base: str
    mutation: str
    data: bytes


# --- starting documents ------------------------------------------------------------------------------------------


def base_documents() -> dict[str, bytes]:
    """Small real and generated PDFs to mutate (name → bytes), in a stable order."""
    import pymupdf

    bases: dict[str, bytes] = {}
    for name, first, count in REAL_SELECTIONS:
        if not (REAL_PDFS / name).exists():
            continue
        with pymupdf.open(REAL_PDFS / name) as doc:
            if first < doc.page_count:
                doc.select(list(range(first, min(first + count, doc.page_count))))
                bases[f"{name} p{first + 1}+{count}"] = doc.tobytes(garbage=3)
    generated = _generated_pdf()
    bases["generated (compressed)"] = generated.tobytes(deflate=True, garbage=3)
    bases["generated (plain streams)"] = generated.tobytes(deflate=False, expand=255)
    generated.close()
    return bases


def _generated_pdf():
    """One page of Thai text and a three-by-three ruled table (the shapes the layout stage cares about)."""
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page()
    font = "garuda" if THAI_FONT.exists() else "helv"
    if THAI_FONT.exists():
        page.insert_font(fontname=font, fontfile=str(THAI_FONT))
    page.insert_text((60, 60), "แผนปฏิบัติราชการ ประจำปี พ.ศ. 2567", fontname=font, fontsize=16)
    page.insert_text((60, 90), "ส่วนที่ 1 การดำเนินงานตามแผน", fontname=font, fontsize=14)
    xs, ys = [60, 300, 420, 540], [110, 140, 170, 200]
    for x in xs:
        page.draw_line((x, ys[0]), (x, ys[-1]))
    for y in ys:
        page.draw_line((xs[0], y), (xs[-1], y))
    cells = [
        ["โครงการ", "งบประมาณ", "หน่วยงาน"],
        ["พัฒนาระบบข้อมูล", "1,250,000", "สกจ."],
        ["ฝึกอบรม", "480,500", "สกจ."],
    ]
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            page.insert_text((xs[c] + 4, ys[r] + 20), text, fontname=font, fontsize=11)
    return doc


# --- mutations ---------------------------------------------------------------------------------------------------


def _bit_flips(data: bytes, rng: random.Random) -> tuple[str, bytes]:
    out = bytearray(data)
    n = rng.choice([1, 4, 32])
    for _ in range(n):
        i = rng.randrange(len(out))
        out[i] ^= 1 << rng.randrange(8)
    return f"flip {n} bit(s)", bytes(out)


def _truncate(data: bytes, rng: random.Random) -> tuple[str, bytes]:
    cut = rng.randrange(len(data))
    return f"truncate at {cut}/{len(data)}", data[:cut]


def _chunk(data: bytes, rng: random.Random) -> tuple[int, int]:
    size = rng.choice([16, 256, 4096])
    start = rng.randrange(max(1, len(data) - size))
    return start, min(len(data), start + size)


def _swap_chunks(data: bytes, rng: random.Random) -> tuple[str, bytes]:
    (a0, a1), (b0, b1) = sorted([_chunk(data, rng), _chunk(data, rng)])
    if a1 > b0:  # overlapping: swap the two halves of their union instead
        b0 = b1 = a1
    out = data[:a0] + data[b0:b1] + data[a1:b0] + data[a0:a1] + data[b1:]
    return f"swap [{a0}:{a1}] and [{b0}:{b1}]", out


def _duplicate_chunk(data: bytes, rng: random.Random) -> tuple[str, bytes]:
    a0, a1 = _chunk(data, rng)
    at = rng.randrange(len(data))
    return f"copy [{a0}:{a1}] to {at}", data[:at] + data[a0:a1] + data[at:]


def _zero_chunk(data: bytes, rng: random.Random) -> tuple[str, bytes]:
    a0, a1 = _chunk(data, rng)
    return f"zero [{a0}:{a1}]", data[:a0] + bytes(a1 - a0) + data[a1:]


def _change_number(data: bytes, rng: random.Random) -> tuple[str, bytes]:
    """Replace one number token (an object number, a length, a coordinate) by an extreme one."""
    import re

    numbers = [m.span() for m in re.finditer(rb"(?<![\w.])-?\d+(?:\.\d+)?(?![\w.])", data)]
    if not numbers:
        return _bit_flips(data, rng)
    start, end = rng.choice(numbers)
    new = rng.choice([b"0", b"-1", b"99999999", b"1e308", b"-0.0001", b"2147483648"])
    return f"number at {start} {data[start:end]!r} -> {new!r}", data[:start] + new + data[end:]


def _repeat_reference(data: bytes, rng: random.Random) -> tuple[str, bytes]:
    """Repeat one object reference (``12 0 R``) many times: page trees with shared or cyclic kids, huge arrays."""
    import re

    references = [m.span() for m in re.finditer(rb"\b\d+ \d+ R\b", data)]
    if not references:
        return _bit_flips(data, rng)
    start, end = rng.choice(references)
    times = rng.choice([2, 50, 3000])
    repeated = (data[start:end] + b" ") * times
    return f"reference at {start} {data[start:end]!r} × {times}", data[:start] + repeated + data[end:]


MUTATIONS = [_bit_flips, _truncate, _swap_chunks, _duplicate_chunk, _zero_chunk, _change_number, _repeat_reference]


def make_case(number: int, seed: int, bases: dict[str, bytes]) -> Case:
    rng = random.Random(seed * 1_000_003 + number)
    name = rng.choice(sorted(bases))
    data = bases[name]
    descriptions = []
    for _ in range(rng.choice([1, 1, 2, 3])):
        description, data = rng.choice(MUTATIONS)(data, rng)
        descriptions.append(description)
        if not data:
            break
    return Case(number, name, "; ".join(descriptions), data)


# --- the worker --------------------------------------------------------------------------------------------------


def _worker(connection, timeout: float) -> None:
    """Parse what the parent sends; answer (outcome, detail).  Runs under the engine's limits and a memory cap."""
    import resource

    from extractor.errors import ExtractorError
    from extractor.limits import Limits
    from extractor.pipeline import parse

    cap = WORKER_MEMORY_MB * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    limits = Limits(max_seconds=timeout * 0.8)
    while True:
        data = connection.recv()
        if data is None:
            return
        try:
            parse(data, limits=limits)
            answer = ("ok", "")
        except ExtractorError as exc:
            answer = ("typed", f"{type(exc).__name__}: {exc}")
        except BaseException as exc:  # noqa: BLE001 - the point is to report anything else
            answer = ("crash", "".join(traceback.format_exception(exc)))
        connection.send(answer)


class Runner:
    """One worker process at a time; restarted after a hang or a death."""

    def __init__(self, timeout: float) -> None:
        self.timeout = timeout
        self.context = multiprocessing.get_context("spawn")
        self.process = None
        self.connection = None

    def _start(self) -> None:
        parent, child = self.context.Pipe()
        self.process = self.context.Process(target=_worker, args=(child, self.timeout), daemon=True)
        self.process.start()
        self.connection = parent

    def run(self, data: bytes) -> tuple[str, str]:
        if self.process is None or not self.process.is_alive():
            self._start()
        try:
            self.connection.send(data)
            if self.connection.poll(self.timeout + 30):  # + start-up (imports) of a fresh worker
                return self.connection.recv()
        except (EOFError, BrokenPipeError, ConnectionResetError):
            pass
        if self.process.is_alive():
            self.stop()
            return "hang", f"no answer within {self.timeout:g} s"
        code = self.process.exitcode
        self.process = None
        return "died", f"worker exit code {code}"

    def stop(self) -> None:
        if self.process is not None and self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.process = None

    def close(self) -> None:
        if self.process is not None and self.process.is_alive():
            self.connection.send(None)
            self.process.join(timeout=10)
        self.stop()


# --- main --------------------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    sys.path.insert(0, str(ROOT))
    bases = base_documents()
    numbers = [args.only] if args.only is not None else range(args.cases)
    runner = Runner(args.timeout)
    outcomes: Counter = Counter()
    typed: Counter = Counter()
    bad: list[tuple[Case, str, str]] = []
    started = time.monotonic()
    try:
        for number in numbers:
            case = make_case(number, args.seed, bases)
            outcome, detail = runner.run(case.data)
            outcomes[outcome] += 1
            if outcome == "typed":
                typed[detail.split(":")[0]] += 1
            elif outcome != "ok":
                bad.append((case, outcome, detail))
                _report_bad(case, outcome, detail, args.save)
            if (number + 1) % PROGRESS_EVERY == 0:
                print(f"[{number + 1} cases, {time.monotonic() - started:.0f} s] " + _counts(outcomes), file=sys.stderr)
    finally:
        runner.close()
    elapsed = time.monotonic() - started
    print(f"\n{sum(outcomes.values())} case(s) in {elapsed:.0f} s (seed {args.seed}): " + _counts(outcomes))
    if typed:
        print("typed errors: " + _counts(typed))
    return 1 if bad else 0


def _report_bad(case: Case, outcome: str, detail: str, save: Path | None) -> None:
    print(f"\n=== case {case.number}: {outcome.upper()} — {case.base}: {case.mutation}")
    print(detail.rstrip())
    if save is not None:
        save.mkdir(parents=True, exist_ok=True)
        path = save / f"case-{case.number:05d}-{outcome}.pdf"
        path.write_bytes(case.data)
        print(f"(input saved to {path})")


def _counts(counter: Counter) -> str:
    return ", ".join(f"{key} {n}" for key, n in sorted(counter.items()))


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=300, help="number of mutated PDFs (default 300)")
    parser.add_argument("--seed", type=int, default=1, help="the run's seed (default 1)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per case before it counts as a hang")
    parser.add_argument("--only", type=int, help="run this case number only (to reproduce a report)")
    parser.add_argument("--save", type=Path, help="save the inputs of crashes, hangs and deaths here")
    return parser.parse_args(argv)


if __name__ == "__main__":
    raise SystemExit(main())
