"""Fill the English catalog of the `serve` interface (it reads as written) after
`pybabel update -D serve`: python tools/serve_catalogs.py (see docs/serve.md)."""

from __future__ import annotations

from pathlib import Path

from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    po = ROOT / "locales" / "en" / "LC_MESSAGES" / "serve.po"
    with po.open("rb") as f:
        catalog = read_po(f, locale="en")
    for m in catalog:
        if m.id:
            m.string = m.id
    with po.open("wb") as f:
        write_po(f, catalog, width=100, omit_header=False, sort_output=True, no_location=True)


if __name__ == "__main__":
    main()
