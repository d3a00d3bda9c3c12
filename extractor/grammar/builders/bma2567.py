"""Builder of the 2567 action plan family (department and district office plans)."""

from __future__ import annotations

from extractor.blocks import Block
from extractor.grammar.builders import build_sections, builder
from extractor.grammar.builders.common import part_headings, part_titles_from_toc
from extractor.grammar.builders.document_info import document_info
from extractor.grammar.builders.front_matter import front_matter
from extractor.grammar.builders.part1 import strategic_alignment
from extractor.grammar.builders.part2 import development_issues
from extractor.grammar.builders.part3 import routine_projects
from extractor.grammar.builders.part4 import codes_from_index, monitoring
from extractor.grammar.builders.summaries import project_summaries
from extractor.grammar.engine import Node
from extractor.grammar.spec import Grammar
from extractor.model.document import DocumentInfo, PlanDocument


@builder("bma-2567")
def build_bma_2567(tree: Node, grammar: Grammar, blocks: list[Block]) -> PlanDocument:
    findings: list = []
    sections = build_sections(
        findings,
        document=lambda: document_info(tree, grammar, blocks, findings),
        front_matter=lambda: front_matter(tree, findings),
        parts=lambda: part_headings(tree, grammar),
        strategic_alignment=lambda: strategic_alignment(tree, findings),
        development_issues=lambda: development_issues(tree, findings),
        routine_projects=lambda: routine_projects(tree, findings),
        project_summaries=lambda: project_summaries(tree, findings),
        monitoring=lambda: monitoring(tree, findings, grammar),
    )
    if "monitoring" in sections and "front_matter" in sections:
        codes_from_index(sections["monitoring"].kpis, sections["front_matter"].key_indicators, findings)
    if "parts" in sections and "front_matter" in sections:
        part_titles_from_toc(sections["parts"], sections["front_matter"].table_of_contents, grammar, findings)
    document = PlanDocument(**{"document": DocumentInfo(), **sections})
    document.findings = findings
    return document
