"""A company's house style: page size, margins and font (`house_style:` in jobdocs.yaml
or in the organization profile; the profile's values win key by key)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

#: The page's margins in mm; None keeps the reference document's (20/10/20/20 shipped).
MARGINS = ("left_mm", "right_mm", "top_mm", "bottom_mm")
#: Page sizes a house style may name: (width, height) in mm.
SIZES = {"a4": (210.0, 297.0), "letter": (215.9, 279.4)}


@dataclass(frozen=True)
class Page:
    """Page size and margins in mm; None leaves them to the reference document (or, for
    the size, to the frame: US documents are printed on Letter)."""

    size: str | None = None  # a key of SIZES
    left_mm: float | None = None
    right_mm: float | None = None
    top_mm: float | None = None
    bottom_mm: float | None = None


@dataclass(frozen=True)
class Font:
    """The body font; None leaves it to the reference document (Times New Roman 14 pt)."""

    name: str | None = None
    size: float | None = None  # pt


@dataclass(frozen=True)
class Paragraphs:
    """How body text sits on the page; None leaves it to the reference document (ГОСТ's
    justified text with a 1.25 cm first-line indent under centred headings). A frame sets
    it (jobdocs/frame: `paragraphs:`): English, German and Swedish documents are set left
    with left-aligned headings."""

    align: str | None = None  # justify | left
    indent: bool | None = None  # a first-line indent on lead-ins and statements
    headings: str | None = None  # center | left


@dataclass(frozen=True)
class HouseStyle:
    """How a company's documents look, beyond what the reference document says."""

    page: Page = field(default_factory=Page)
    font: Font = field(default_factory=Font)
    paragraphs: Paragraphs = field(default_factory=Paragraphs)

    def over(self, base: HouseStyle) -> HouseStyle:
        """Return `base` with every value this style sets put over it."""
        return HouseStyle(page=_over(self.page, base.page), font=_over(self.font, base.font),
                          paragraphs=_over(self.paragraphs, base.paragraphs))


def _over(top: Any, base: Any) -> Any:
    changes = {f.name: getattr(top, f.name) for f in fields(top)
               if getattr(top, f.name) is not None}
    return replace(base, **changes)


def from_data(data: Mapping[str, Any] | None) -> HouseStyle:
    """Return the house style that checked `house_style:` data describes."""
    data = data or {}
    page = data.get("page") or {}
    font = data.get("font") or {}
    return HouseStyle(
        page=Page(size=page.get("size"),
                  **{k: float(page[k]) for k in MARGINS if page.get(k) is not None}),
        font=Font(name=font.get("name"),
                  size=float(font["size"]) if font.get("size") is not None else None),
    )


#: The JSON Schema of `house_style:`, shared by profiles and jobdocs.yaml.
SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "How the documents look: page size and margins (mm), the body font.",
    "properties": {
        "page": {
            "type": "object",
            "description": "Page size (a4, letter) and margins in mm (ГОСТ Р 7.0.97: left at "
                           "least 20, 30 for documents kept over 10 years; right 10; top and "
                           "bottom 20).",
            "properties": {
                "size": {"enum": list(SIZES),
                         "description": "The paper: a4 or letter (default: the frame's, "
                                        "else the reference document's)."},
                **{k: {"type": "number", "minimum": 0, "maximum": 100} for k in MARGINS},
            },
            "additionalProperties": False,
        },
        "font": {
            "type": "object",
            "properties": {
                "name": {"type": "string", "pattern": r"\S"},
                "size": {"type": "number", "minimum": 8, "maximum": 20,
                         "description": "pt; ГОСТ Р 7.0.97 recommends 12, 13 or 14."},
            },
            "additionalProperties": False,
        },
    },
    "additionalProperties": False,
}
