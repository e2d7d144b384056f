"""Uploaded files, one mechanism for every public upload (vignet evidence, attachments of
practice stories):

* ``detect(upload, allowed)``: the type read from the content (the ``filetype`` package: magic
  numbers; a Word document is also opened as a ZIP), never from the name or the browser;
* ``stored_name(name, kind)``: the file name with the extension of that type, so a PDF called
  ``rapport.html`` is stored and downloaded as ``rapport.pdf``;
* ``stored_together()``: files written for a record are removed again when the record is not
  saved (a full disk, a database error): no file without its record, no record without its file;
* ``download(handle, name, kind)``: a private file as a download that no browser renders.
"""

from __future__ import annotations

import logging
import mimetypes
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass

import filetype
from django.http import FileResponse
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

EXTENSIONS = {PDF: "pdf", PNG: "png", JPEG: "jpg", DOCX: "docx"}
ZIP_TYPES = {"application/zip", DOCX}  # a .docx is a ZIP file: opened to be sure

NOT_STORED = _(
    "De bijlage kon niet worden opgeslagen: er is op dit moment geen ruimte voor bestanden. "
    "Er is niets bewaard. Probeer het later opnieuw of stuur het formulier zonder bijlage."
)


def _is_docx(upload) -> bool:
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        upload.seek(0)
    return "word/document.xml" in names and "[Content_Types].xml" in names


def detect(upload, allowed) -> str | None:
    """The upload's type (a MIME type in `allowed`) read from its content, or None."""
    head = upload.read(8192)
    upload.seek(0)
    guess = filetype.guess(head)
    kind = guess.mime if guess is not None else None
    if kind in ZIP_TYPES:
        kind = DOCX if _is_docx(upload) else None
    return kind if kind in allowed else None


def stored_name(name: str, kind: str, max_length: int = 150) -> str:
    """`name` with the extension that belongs to `kind` (replacing any other one)."""
    extension = EXTENSIONS.get(kind) or (mimetypes.guess_extension(kind) or "").lstrip(".")
    stem = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
    stem = stem.strip(". ") or "bestand"
    if not extension:
        return stem[:max_length]
    return f"{stem[: max_length - len(extension) - 1]}.{extension}"


class UploadNotStored(Exception):
    """A file could not be written (full disk, storage unreachable); nothing was saved."""

    message = NOT_STORED


@dataclass
class WrittenFiles:
    """The files written in a `stored_together()` block."""

    files: list

    def save(self, field_file, name, content):
        """`field_file.save(name, content)` without saving the model; remembered for removal."""
        field_file.save(name, content, save=False)
        self.files.append((field_file.storage, field_file.name))

    def remove_all(self):
        for storage, name in self.files:
            try:
                storage.delete(name)
            except OSError:  # pragma: no cover - the disk is in trouble already
                logger.exception("could not remove %s after a failed save", name)
        self.files.clear()


@contextmanager
def stored_together():
    """Write a record's files inside this block, the record in a transaction inside it. When
    anything fails the files written so far are removed; a storage error (OSError, e.g. ENOSPC)
    becomes UploadNotStored, for a clear message instead of a traceback."""
    written = WrittenFiles([])
    try:
        yield written
    except OSError as error:
        written.remove_all()
        logger.warning("upload not stored: %s", error)
        raise UploadNotStored(str(error)) from error
    except BaseException:
        written.remove_all()
        raise


def download(handle, name: str, kind: str) -> FileResponse:
    """A private file as an attachment with its detected type; browsers must not sniff it."""
    response = FileResponse(
        handle, as_attachment=True, filename=stored_name(name, kind, 200), content_type=kind
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
