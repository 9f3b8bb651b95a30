"""Entry point of the windowed executable: the GUI, with the CLI's global options."""

import sys

from bankstation.cli import main


def run() -> int:
    return main(["gui", *sys.argv[1:]])


if __name__ == "__main__":
    sys.exit(run())
