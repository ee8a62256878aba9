#!/usr/bin/env bash
# Regenerates src/Scour/Matching/Syntax/CaseFolding.g.cs (the simple case-folding orbits) from .NET's
# invariant casing data, through the test that otherwise checks the table against that data.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SCOUR_REGENERATE_TABLES=1 dotnet test "$root/tests/Scour.Tests" -c Release --filter "FullyQualifiedName~CaseFoldingTableTests" -nologo -v quiet
