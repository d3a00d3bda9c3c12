"""Canonical model → typesetting flow, one writer per part of the document.

Writers print what the model says in the plan's own textual conventions (the heading lines and table header texts
the grammars recognise), preferring the raw text the model kept (``*_raw``, ``raw``) so a parse of the rendering
sees what the source said.  Parts a writer does not print yet are listed in ``UNWRITTEN`` so tests can name them.
"""

from __future__ import annotations

from extractor.model.document import PlanDocument

from corpus.render.flow import Flow
from corpus.render.writers.kpi_report import write_kpi_report
from corpus.render.writers.plan import write_plan
from corpus.render.writers.plan2563 import write_plan_2563


def document_flow(document: PlanDocument) -> Flow:
    """The flow of a whole document: a KPI report page, a 2563 plan, or a 2567 plan (cover, parts)."""
    flow = Flow(title=document.document.title or "")
    if document.kpi_report is not None:
        write_kpi_report(document, flow)
    elif document.plan_2563 is not None:
        write_plan_2563(document, flow)
    else:
        write_plan(document, flow)
    return flow
