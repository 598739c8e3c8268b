"""The document frame as data: which blocks a job description has, in what order, how
each is laid out and worded (docs/frames.md).

A frame is a preset (ru-gost, en-gb, en-us, de, sv) or a definition that
extends one and changes what differs, named by `frame:` in jobdocs.yaml and in
an organization profile (the profile's over the project's), for every language
or per language. A document that names none gets the preset of the law its
profile names (ru-gost where the profile names no law).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from .presets import BY_LAW, FALLBACK, PRESETS
from .spec import BLOCKS, FIELDS, SIGNERS, FieldSpec, FrameSpec, LinesSpec, StatementSpec, merge
from .spec import read as _read
from .wording import Msg, Text, Wording, fill

__all__ = ["BLOCKS", "FIELDS", "PRESETS", "SIGNERS", "FieldSpec", "FrameSpec", "LinesSpec",
           "Msg", "StatementSpec", "Text", "Wording", "default", "fill", "frame_spec"]


def default(law: str) -> str:
    """Return the preset a document under the jurisdiction `law` gets when none is named."""
    return BY_LAW.get(law, FALLBACK)


def _for(layer: Any, lang: str) -> Any:
    """Return the part of a `frame:` value that applies to `lang` (None: nothing)."""
    if isinstance(layer, Mapping) and layer and all(
            isinstance(k, str) and 2 <= len(k) <= 3 for k in layer):
        return layer.get(lang)  # one per language
    return layer or None


def frame_spec(layers: Sequence[Any], lang: str, law: str) -> FrameSpec:
    """Return the frame of a `lang` document under the jurisdiction `law`.

    `layers` are the `frame:` values that apply, the outermost last (jobdocs.yaml's,
    then the profile's): each a preset's name, a definition (extending its
    `extends:`, else what the layers under it give), or either per language.
    A frame of presets alone (most) is read once per process: do not change it.
    """
    if all(isinstance(layer, str) for layer in layers):
        return _of_presets(tuple(layers), lang, law)
    return _spec(layers, lang, law)


@lru_cache(maxsize=64)  # names of presets, languages and laws: a handful
def _of_presets(layers: tuple[str, ...], lang: str, law: str) -> FrameSpec:
    return _spec(layers, lang, law)


def _spec(layers: Sequence[Any], lang: str, law: str) -> FrameSpec:
    name = default(law)
    data: Mapping[str, Any] = PRESETS[name]
    for layer in layers:
        given = _for(layer, lang)
        if given is None:
            continue
        if isinstance(given, str):
            name, data = given, PRESETS[given]
            continue
        if given.get("extends"):
            name, data = given["extends"], PRESETS[given["extends"]]
        data = merge(data, given)
    return _read(name, data)
