#!/usr/bin/env python3
"""Generates tests/Scour.Tests/Matching/RustRegexTests.json from the Rust regex crate's own test suite:
the TOML files of its testdata/ directory, which tests/Scour.Tests/Matching/RustRegexTestData.cs runs
against Scour's matchers.

Source: https://github.com/rust-lang/regex, directory testdata/ (read at commit
2b527599eb9eea0dcc288c704584f242f26a5c61). The test data is (c) The Rust Project Developers,
dual-licensed under the MIT license and the Apache License 2.0; its fowler/ files derive from AT&T's
testregex data, under AT&T's permissive license (both in THIRD-PARTY-NOTICES.md). The format is
documented in that repository's regex-test/lib.rs.

    git --git-dir=path/to/regex.git archive <commit> testdata | tar -x -C /tmp/rx
    eng/import-rust-regex-tests.py /tmp/rx/testdata

Every test of every *.toml file (recursively) is written, one JSON object per line; nothing is
filtered here (the C# test decides what Scour can express). Each object has:

  group         the file's path below the directory without ".toml" ("fowler/basic"), as the
                regex crate's own harness names groups (its full test name is "group/name")
  name          the test's name
  regex         a list of patterns (a single TOML string becomes a list of one)
  haystack      the haystack as a string; spans are UTF-8 byte offsets into it; or, when the TOML
  haystackBytes   says unescape = true, the unescaped haystack as a list of byte values (it may
                  not be valid UTF-8)
  matches       one element per expected match: a list with one [start, end] or null per capture
                group (null: the group did not take part); a match given as a bare span has one
                element (group 0 only)
  ids           only when some match is written as a table {id = ..., span(s) = ...}: the pattern
                id of each match (multi-pattern tests)
  options       every other key of the test table as written: anchored, unicode, utf8,
                case-insensitive, match-kind, search-kind, bounds, compiles, unescape,
                line-terminator (not unescaped), match-limit
"""
import json
import sys
import tomllib
from pathlib import Path

HEX = "0123456789abcdefABCDEF"


def unescape(text):
    """bstr's ByteVec::unescape_bytes, which the regex crate's harness applies when unescape = true:
    \\0 \\\\ \\r \\n \\t and \\xNN become bytes; any other or incomplete escape stays as written."""
    out = bytearray()
    chars = iter(text)
    utf8 = lambda c: c.encode("utf-8")
    for c in chars:
        if c != "\\":
            out += utf8(c)
            continue
        e = next(chars, None)
        if e is None:
            out += b"\\"
        elif e in "0\\rnt":
            out += {"0": b"\0", "\\": b"\\", "r": b"\r", "n": b"\n", "t": b"\t"}[e]
        elif e != "x":
            out += b"\\" + utf8(e)
        else:
            first = next(chars, None)
            if first is None:
                out += b"\\x"
            elif first not in HEX:
                out += b"\\x" + utf8(first)
            else:
                second = next(chars, None)
                if second is None:
                    out += b"\\x" + utf8(first)
                elif second not in HEX:
                    out += b"\\x" + utf8(first) + utf8(second)
                else:
                    out.append(int(first + second, 16))
    return bytes(out)


def span(value):
    """A TOML span: [s, e] -> [s, e]; [] (a group that did not take part) -> None."""
    if value == []:
        return None
    assert isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) for v in value), value
    return [value[0], value[1]]


def match(value):
    """One TOML match value -> (pattern id or None when implicit, list of group spans)."""
    if isinstance(value, dict):
        assert set(value) in ({"id", "span"}, {"id", "spans"}), value
        groups = [span(value["span"])] if "span" in value else [span(s) for s in value["spans"]]
        return value["id"], groups
    assert isinstance(value, list) and value, value
    if isinstance(value[0], int):
        return None, [span(value)]
    return None, [span(s) for s in value]


def convert(group, test):
    regex = test["regex"]
    patterns = [regex] if isinstance(regex, str) else list(regex)
    assert all(isinstance(p, str) for p in patterns), test
    out = {"group": group, "name": test["name"], "regex": patterns}
    if test.get("unescape", False):
        out["haystackBytes"] = list(unescape(test["haystack"]))
    else:
        out["haystack"] = test["haystack"]
    converted = [match(m) for m in test["matches"]]
    for _, groups in converted:
        assert groups[0] is not None, test  # group 0 always takes part
    out["matches"] = [groups for _, groups in converted]
    if any(i is not None for i, _ in converted):
        out["ids"] = [0 if i is None else i for i, _ in converted]
    out["options"] = {k: v for k, v in test.items() if k not in ("name", "regex", "haystack", "matches")}
    return out


def main():
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "testdata")
    files = sorted(root.rglob("*.toml"))
    assert files, f"no *.toml under {root}"
    tests = []
    for path in files:
        group = path.relative_to(root).with_suffix("").as_posix()
        with open(path, "rb") as f:
            data = tomllib.load(f)
        assert set(data) <= {"test"}, (path, set(data))
        names = set()
        for test in data.get("test", []):
            assert test["name"] not in names, (path, test["name"])
            names.add(test["name"])
            tests.append(convert(group, test))
    out = Path(__file__).resolve().parent.parent / "tests/Scour.Tests/Matching/RustRegexTests.json"
    lines = [json.dumps(t, ensure_ascii=False, separators=(",", ":")) for t in tests]
    out.write_text("[\n" + ",\n".join(lines) + "\n]\n", encoding="utf-8")
    print(f"{out}: {len(tests)} tests from {len(files)} files, {out.stat().st_size} bytes")


if __name__ == "__main__":
    main()
