"""Files an import reads from the desk's disk: only ever from inside the folder it was given."""

from pathlib import Path


def resolves_inside(folder: Path, path: Path) -> bool:
    """True when `path`, with `..` and symlinks followed, lies inside `folder`.

    An export or a saved page names its files; a name like `../../etc/x.jpg`, or a symlink in
    the uploads folder, must not make the importer copy a file from elsewhere into public media.
    """
    return Path(folder).resolve() in Path(path).resolve().parents
