"""Pages for people: the status page and badges (``report``), the side-by-side review.

Text in, text out: ``status_of`` and ``review_of`` build the models from values the
CLI read; ``render_status``, ``render_review`` and ``language_badge`` return HTML and
SVG text for the CLI to write.
"""

from __future__ import annotations

from i18n.report.badge import badge, badge_percent, language_badge
from i18n.report.page import render_status
from i18n.report.review import Review, ReviewSlide, ReviewUnit, review_of, review_since
from i18n.report.review_page import render_review
from i18n.report.status import (
    Cell,
    Language,
    Link,
    Row,
    Status,
    built_links,
    language_name,
    status_of,
)

__all__ = [
    "Cell",
    "Language",
    "Link",
    "Review",
    "ReviewSlide",
    "ReviewUnit",
    "Row",
    "Status",
    "badge",
    "badge_percent",
    "built_links",
    "language_badge",
    "language_name",
    "render_review",
    "render_status",
    "review_of",
    "review_since",
    "status_of",
]
