"""Shared by the CBS test modules: run the command line in-process and capture what it says."""
from __future__ import annotations

import io

from werkzorg import cli


def run_cli(*argv: str, **kw) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    args = cli.build_parser().parse_args(list(argv))
    rc = args.func(args, out=out, err=err, **kw)
    return rc, out.getvalue(), err.getvalue()
