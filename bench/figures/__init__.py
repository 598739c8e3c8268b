"""One module per figure of issue 23; each `measure(ctx)` returns a Figure."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from measure import Stats
from peers import Peers

JOBDOCS = [sys.executable, "-m", "jobdocs"]


@dataclass
class Context:
    """What every figure is measured with: the peers, the number of turns, sizes, a folder."""

    peers: Peers
    runs: int
    tmp: Path
    scale: float = 1.0  # --quick measures smaller libraries

    def size(self, n: int) -> int:
        return max(2, round(n * self.scale))


@dataclass(frozen=True)
class Row:
    """One contender's medians, shown per item when `per` > 1."""

    label: str
    stats: Stats
    per: int = 1
    unit: str = "s"  # "s" or "ms" per item

    def cells(self) -> tuple[str, str, str, str]:
        scale = (1000 if self.unit == "ms" else 1) / self.per
        wall, cpu = self.stats.wall * scale, self.stats.cpu * scale
        peak = f"{self.stats.peak_mb:.0f} MB" if self.stats.peak_mb else ""
        return _num(wall, self.unit), _num(cpu, self.unit), peak, self.stats.spread(scale)


def _num(x: float, unit: str) -> str:
    return f"{x:.3f} {unit}" if x < 1 else f"{x:.2f} {unit}" if x < 100 else f"{x:.0f} {unit}"


@dataclass(frozen=True)
class Ratio:
    """A ratio of two medians of the same turns, and the target it answers, if any."""

    label: str
    value: float
    target: str = ""  # as the issue says it: "≤ 3", "≥ 1.8", "< 40 s"
    met: bool | None = None


@dataclass
class Figure:
    title: str
    setup: str
    rows: list[Row] = field(default_factory=list)
    ratios: list[Ratio] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def at_most(label: str, value: float, bound: float, unit: str = "×") -> Ratio:
    shown = f"≤ {bound:g}{' s' if unit == 's' else ''}"
    return Ratio(label, value, shown, value <= bound)


def at_least(label: str, value: float, bound: float) -> Ratio:
    return Ratio(label, value, f"≥ {bound:g}", value >= bound)
