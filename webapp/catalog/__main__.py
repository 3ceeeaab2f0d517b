"""`python -m webapp.catalog [FILE ...]`: validate content files and list what they hold.

With no arguments it loads the whole catalog as start-up does. Exit status 1 on problems.
"""
import sys
from pathlib import Path

from .loader import CatalogError, display_path, load_catalog, read_app


def main(argv: list[str]) -> int:
    if not argv:
        try:
            catalog = load_catalog()
        except CatalogError as exc:
            print(exc, file=sys.stderr)
            return 1
        apps = list(catalog)
    else:
        apps, failed = [], False
        for name in argv:
            path = Path(name)
            with path.open("rb") as stream:
                app, problems = read_app(stream, display_path(path), expected_id=path.stem)
            if problems:
                print("\n".join(problems), file=sys.stderr)
                failed = True
            elif app:
                apps.append(app)
        if failed:
            return 1
    for app in apps:
        print(f"{app.id}: {len(app.steps)} steps, {len(app.claims)} claims, {len(app.messages)} strings")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
