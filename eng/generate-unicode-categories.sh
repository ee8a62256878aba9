#!/usr/bin/env bash
# Regenerates src/Scour/Matching/Syntax/UnicodeCategories.g.cs (the general category of every code
# point, as runs) from .NET's Unicode data, through the test that otherwise checks the table against it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SCOUR_REGENERATE_TABLES=1 dotnet test "$root/tests/Scour.Tests" -c Release --filter "FullyQualifiedName~UnicodeCategoryTableTests" -nologo -v quiet
