"""The end-of-batch summary: what succeeded, what failed and why, findings by code, pages by route."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class BatchSummary:
    out_dir: str
    inputs: int = 0
    parsed: int = 0  # parsed in this run
    skipped: int = 0  # already in the catalogue (same content), or a duplicate of another input
    succeeded: list[str] = field(default_factory=list)  # input paths
    failed: list[tuple[str, str]] = field(default_factory=list)  # (input path, reason)
    findings_by_code: dict[str, int] = field(default_factory=dict)
    pages_by_route: dict[str, int] = field(default_factory=dict)
    documents_by_format: dict[str, int] = field(default_factory=dict)
    elapsed_seconds: float = 0.0
    exports: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed

    def to_dict(self) -> dict:
        return asdict(self)

    def format(self) -> str:
        rate = self.parsed / self.elapsed_seconds if self.elapsed_seconds else 0.0
        lines = [
            f"batch: {self.inputs} inputs, {len(self.succeeded)} succeeded, {len(self.failed)} failed "
            f"({self.parsed} parsed now, {self.skipped} skipped) in {self.elapsed_seconds:.1f} s "
            f"({rate:.2f} documents/s)",
            f"outputs: {self.out_dir}",
        ]
        if self.failed:
            lines.append("failed:")
            lines += [f"  {path}: {reason}" for path, reason in self.failed]
        if self.documents_by_format:
            lines.append("documents by format: " + _pairs(self.documents_by_format))
        lines.append("pages by route: " + (_pairs(self.pages_by_route) or "none (text exports have no pages)"))
        if self.findings_by_code:
            lines.append("findings by code:")
            width = max(map(len, self.findings_by_code))
            lines += [f"  {code:<{width}}  {n}" for code, n in sorted(self.findings_by_code.items())]
        return "\n".join(lines)


def _pairs(counts: dict[str, int]) -> str:
    return ", ".join(f"{key} {n}" for key, n in sorted(counts.items()))


def add_counts(total: dict[str, int], more: dict[str, int]) -> None:
    for key, n in more.items():
        total[key] = total.get(key, 0) + n
