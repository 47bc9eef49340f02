"""Processes that import jsonschema (every notebook through altair, the book build, the tests)
start without building the RFC 3987 parser they never use (werkzorg/__init__.py), and a
format check that does use it still answers as the library itself does."""

from __future__ import annotations

import json
import subprocess
import sys

IRIS = ["http://example.org/één?x=ü#deel", "no scheme here", "https://[::1]:80/a", "mailto:a@b.nl", "http://a b/"]

_CHECK = """
import json, sys
if sys.argv[1] == "stand-in":
    import werkzorg
import jsonschema
built_on_import = "rfc3987_syntax.syntax_helpers" in sys.modules
checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
answers = [checker.conforms(iri, "iri") for iri in json.loads(sys.argv[2])]
print(json.dumps({"built_on_import": built_on_import, "answers": answers}))
"""


def _run(mode: str) -> dict:
    out = subprocess.run([sys.executable, "-c", _CHECK, mode, json.dumps(IRIS)], capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout)


def test_the_parser_is_built_on_first_use_with_the_same_answers():
    plain, deferred = _run("plain"), _run("stand-in")
    assert plain["built_on_import"], "jsonschema no longer imports rfc3987-syntax: the stand-in can go"
    assert not deferred["built_on_import"], "importing werkzorg did not defer rfc3987-syntax"
    assert deferred["answers"] == plain["answers"]
    assert plain["answers"][0] is True and plain["answers"][1] is False
