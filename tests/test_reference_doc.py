"""Reference documents come from other departments: bounded, well-formed, and stripped
of macros, attached templates and external links before they reach any output."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from jobdocs.cli import cli
from jobdocs.errors import JobdocsError, JobdocsWarning
from jobdocs.intake import reader, word
from jobdocs.render.docx import reference

ROOT = Path(__file__).parent.parent
SHIPPED = ROOT / "templates" / "docx" / "reference.docx"
KAM = str(ROOT / "roles" / "key-account-manager.yaml")
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def parts_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def write_zip(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in parts.items():
            z.writestr(name, content)
    return path


def render(runner, tmp_path, ref: Path):
    return runner.invoke(cli, ["render", KAM, "-l", "en", "-f", "docx", "--reference-doc",
                               str(ref), "-o", str(tmp_path / "out")])


def refused(runner, tmp_path, ref: Path, message: str) -> None:
    result = render(runner, tmp_path, ref)
    assert result.exit_code == 1, result.output
    assert result.stderr.removeprefix("Error: ").startswith(f"{ref}: ")
    assert message in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert not (tmp_path / "out").exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_is_refused_without_blocking(runner, tmp_path):
    fifo = tmp_path / "letterhead.docx"
    os.mkfifo(fifo)
    refused(runner, tmp_path, fifo, "not a regular file")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_device_is_refused(runner, tmp_path):
    refused(runner, tmp_path, Path("/dev/zero"), "not a regular file")


def test_a_file_that_is_no_zip_is_refused(runner, tmp_path):
    refused(runner, tmp_path, write_text(tmp_path / "letter.docx", "Dear HR"),
            "not a Word document (.docx)")


def write_text(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


def test_a_large_file_is_refused(runner, tmp_path, monkeypatch):
    monkeypatch.setattr(reader, "REFERENCE", reader.Kind("reference document", 1000))
    refused(runner, tmp_path, write_zip(tmp_path / "big.docx", parts_of(SHIPPED)),
            "may be at most 1,000 bytes")


def test_a_zip_bomb_is_refused_before_it_is_unpacked(runner, tmp_path):
    parts = parts_of(SHIPPED)
    parts["word/media/image1.png"] = bytes(5 * 1024 * 1024)
    refused(runner, tmp_path, write_zip(tmp_path / "bomb.docx", parts), "zip bomb")


def test_too_many_parts_or_too_much_unpacked_is_refused(tmp_path, monkeypatch):
    path = write_zip(tmp_path / "many.docx", parts_of(SHIPPED))
    monkeypatch.setattr(word, "MAX_PARTS", 5)
    with pytest.raises(JobdocsError, match=r"has 12 parts; .*at most 5 are read"):
        reference.load(path)
    monkeypatch.setattr(word, "MAX_PARTS", 1000)
    monkeypatch.setattr(word, "MAX_UNPACKED", 10_000)
    with pytest.raises(JobdocsError, match="unpacks to more than"):
        reference.load(path)


def test_broken_xml_is_one_clear_error(runner, tmp_path):
    parts = parts_of(SHIPPED)
    parts["word/styles.xml"] = parts["word/styles.xml"][:-40]
    refused(runner, tmp_path, write_zip(tmp_path / "broken.docx", parts),
            "part word/styles.xml is not well-formed XML")


def hostile(tmp_path: Path) -> Path:
    """The shipped reference document as a .docm with macros, a remote attached
    template and an externally linked header image."""
    parts = parts_of(SHIPPED)
    types = parts["[Content_Types].xml"].decode()
    types = types.replace("wordprocessingml.document.main+xml",
                          "PLACEHOLDER").replace(
        "application/vnd.openxmlformats-officedocument.PLACEHOLDER",
        "application/vnd.ms-word.document.macroEnabled.main+xml")
    types = types.replace("</Types>", '<Override PartName="/word/vbaProject.bin" ContentType='
                          '"application/vnd.ms-office.vbaProject"/></Types>')
    parts["[Content_Types].xml"] = types.encode()
    parts["word/vbaProject.bin"] = b"\xd0\xcf\x11\xe0 macro"
    rels = parts["word/_rels/document.xml.rels"].decode().replace(
        "</Relationships>",
        '<Relationship Id="rId90" Type="http://schemas.microsoft.com/office/2006/relationships/'
        'vbaProject" Target="vbaProject.bin"/>'
        f'<Relationship Id="rId91" Type="{REL}/image" Target="https://evil.example/track.png" '
        'TargetMode="External"/></Relationships>')
    parts["word/_rels/document.xml.rels"] = rels.encode()
    parts["word/_rels/settings.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://'
        'schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
        f'Type="{REL}/attachedTemplate" Target="https://evil.example/t.dotm" '
        'TargetMode="External"/></Relationships>').encode()
    settings = parts["word/settings.xml"].decode()
    head, sep, tail = settings.partition("<w:zoom")
    parts["word/settings.xml"] = (head + '<w:attachedTemplate r:id="rId1"/>' + sep + tail
                                  ).encode()
    return write_zip(tmp_path / "letterhead.docm", parts)


def test_macros_templates_and_external_links_are_dropped_with_warnings(runner, tmp_path):
    result = render(runner, tmp_path, hostile(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert "warning:" in result.stderr and "dropped the macros" in result.stderr
    assert "dropped the attached template https://evil.example/t.dotm" in result.stderr
    assert "dropped 1 external link(s) (https://evil.example/track.png)" in result.stderr
    out = tmp_path / "out" / "key-account-manager.en.docx"
    parts = parts_of(out)
    assert not any("vbaProject" in n for n in parts)
    everything = b"".join(parts.values())
    assert b"evil.example" not in everything and b"attachedTemplate" not in everything
    assert b"macroEnabled" not in everything
    import docx

    assert "Key Account Manager" in "\n".join(p.text for p in docx.Document(out).paragraphs)


def test_the_library_warns_and_never_prints(tmp_path, capsys):
    with pytest.warns(JobdocsWarning) as record:
        data = reference.load(hostile(tmp_path))
    assert len(record) == 3 and "dropped the macros" in str(record[0].message)
    assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None
    assert capsys.readouterr() == ("", "")
