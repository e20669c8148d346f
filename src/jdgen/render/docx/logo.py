"""Company logos for DOCX page headers: read a PNG or JPEG, size it, and draw it inline.

A logo is shown 3 cm wide with its aspect ratio kept, and never more than 2 cm high.
Only the image header is read (no image library is needed): a PNG's IHDR chunk or a
JPEG's start-of-frame marker gives the size in pixels. The logo comes with the catalog,
so it is bounded twice: the file by :data:`MAX_BYTES` (read no further), and the size it
declares by :data:`MAX_SIDE` and :data:`MAX_PIXELS`, since a few kilobytes of PNG can
claim a picture that takes gigabytes to decode in every recruiter's word processor.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

from jdgen.errors import SourceError
from jdgen.render.docx.opc import NS
from jdgen.render.docx.deterministic_zip import Entry, deflate

WIDTH_EMU, MAX_HEIGHT_EMU = 1080000, 720000      # 3 cm wide, at most 2 cm high (360,000 EMU per cm)
MAX_BYTES = 8 << 20                              # a logo of 3 cm needs a few hundred kilobytes at most
MAX_SIDE, MAX_PIXELS = 10_000, 25_000_000        # 3 cm at 600 dpi is 709 pixels
_DRAW_NS = ('xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
            'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
            'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"')


@dataclass(frozen=True, slots=True)
class Logo:
    ext: str                 # "png" or "jpeg"
    entry: Entry             # the image bytes, ready for the zip
    size: tuple[int, int]    # EMU, 3 cm wide (less when the logo is tall)


def load_logo(path: Path) -> Logo:
    """A PNG or JPEG logo; :class:`SourceError` when it is missing, unreadable or something else."""
    try:
        with path.open("rb") as file:
            data = file.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise SourceError(f"logo {path} does not exist") from None
    except OSError as exc:
        raise SourceError(f"logo {path} cannot be read ({exc.strerror})") from None
    if len(data) > MAX_BYTES:
        raise SourceError(f"logo {path} is larger than {MAX_BYTES >> 20} MiB",
                          hint="export the logo at about 600 pixels wide")
    pixels = image_size(data)
    if pixels is None:
        raise SourceError(f"logo {path} is not a PNG or JPEG image", hint="export the logo as PNG")
    if max(pixels) > MAX_SIDE or pixels[0] * pixels[1] > MAX_PIXELS:
        raise SourceError(f"logo {path} declares {pixels[0]:,} x {pixels[1]:,} pixels, more than jdgen accepts "
                          f"({MAX_SIDE:,} a side, {MAX_PIXELS // 1_000_000} million in all)",
                          hint="export the logo at about 600 pixels wide")
    cx, cy = WIDTH_EMU, round(WIDTH_EMU * pixels[1] / pixels[0])
    if cy > MAX_HEIGHT_EMU:
        cx, cy = round(cx * MAX_HEIGHT_EMU / cy), MAX_HEIGHT_EMU
    return Logo("png" if data.startswith(b"\x89PNG") else "jpeg", deflate(data), (cx, cy))


def image_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) in pixels of a PNG or a JPEG, else None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and data[12:16] == b"IHDR" and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return (width, height) if width and height else None
    if not data.startswith(b"\xff\xd8\xff"):
        return None
    at = 2
    while at + 9 < len(data) and data[at] == 0xFF:
        marker, length = data[at + 1], struct.unpack(">H", data[at + 2:at + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):   # start of frame
            height, width = struct.unpack(">HH", data[at + 5:at + 9])
            return (width, height) if width and height else None
        at += 2 + length
    return None


def logo_header_xml(logo: Logo, *, rid: str, drawing_id: int, header_style: str) -> str:
    """A ``w:hdr`` whose one paragraph (in ``header_style``) holds the logo inline.

    ``rid`` is the header part's relationship to the image; ``drawing_id`` must be unique
    among the header's drawings.
    """
    cx, cy = logo.size
    return (f'<w:hdr {NS} {_DRAW_NS}><w:p><w:pPr><w:pStyle w:val="{header_style}"/></w:pPr>'
            f'<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
            f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
            f'<wp:docPr id="{drawing_id}" name="Logo" descr="Company logo"/>'
            f'<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
            f'<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
            f'<pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="logo.{logo.ext}"/><pic:cNvPicPr/></pic:nvPicPr>'
            f'<pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
            f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
            f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData>'
            f'</a:graphic></wp:inline></w:drawing></w:r></w:p></w:hdr>')
