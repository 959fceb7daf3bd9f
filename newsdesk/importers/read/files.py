"""Files an import reads from the desk's disk: only ever from inside the folder it was given."""

from pathlib import Path

from PIL import Image


def resolves_inside(folder: Path, path: Path) -> bool:
    """True when `path`, with `..` and symlinks followed, lies inside `folder`.

    An export or a saved page names its files; a name like `../../etc/x.jpg`, or a symlink in
    the uploads folder, must not make the importer copy a file from elsewhere into public media.
    """
    return Path(folder).resolve() in Path(path).resolve().parents


class NotAPicture(ValueError):
    """A file that cannot become a NewsImage; the message says why, for the editor."""


def picture_format(path: Path, extensions) -> str:
    """Pillow's name for the format of the raster picture at `path` ("JPEG", "PNG"…).

    `extensions`: the file types the desk stores (WAGTAILIMAGES_EXTENSIONS). Raises NotAPicture for
    a vector drawing (SVG: Wagtail cannot make the renditions pages show), a type the desk does not
    store, or a file Pillow cannot read; any of them would make every page showing it fail.
    """
    with open(path, "rb") as handle:
        head = handle.read(512).lstrip().lower()
    if (
        path.suffix.lower() in (".svg", ".svgz")
        or head.startswith(b"<svg")
        or (head.startswith(b"<?xml") and b"<svg" in head)
    ):
        raise NotAPicture("it is not a picture we can store (SVG)")
    try:
        with Image.open(path) as picture:
            found = picture.format or ""
            picture.verify()
    except (OSError, SyntaxError, ValueError) as exc:  # Pillow's ways of saying "not an image I can read"
        raise NotAPicture("the file cannot be read as a picture") from exc
    allowed = {Image.registered_extensions().get(f".{extension.lower()}") for extension in extensions}
    if found not in allowed:
        raise NotAPicture(f"it is not a picture we can store ({found or 'unknown type'})")
    return found
