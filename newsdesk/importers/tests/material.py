"""Where the test material lives: our own fixtures here, the shared real exports beside the repo."""

import io
import os
from pathlib import Path

HERE = Path(__file__).resolve().parent / "fixtures"
REPO = HERE.parents[3]


def own(name: str) -> Path:
    return HERE / name


def shared_wxr(name: str) -> Path:
    """A real WordPress export from ../shared/fixtures/wxr (beside the repository in CI)."""
    folder = Path(os.environ.get("NEWSDESK_WXR_FIXTURES", REPO.parent / "shared" / "fixtures" / "wxr"))
    path = folder / name
    if not path.is_file():
        raise FileNotFoundError(
            f"The shared WXR fixture {path} is missing. Tests expect the shared/ folder beside the repository "
            f"(clone it to {REPO.parent / 'shared'}) or NEWSDESK_WXR_FIXTURES pointing at its fixtures/wxr folder."
        )
    return path


def write_jpeg(path: Path, size=(80, 60), colour=(20, 90, 140)):
    from PIL import Image

    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="JPEG")
    path.write_bytes(buffer.getvalue())
