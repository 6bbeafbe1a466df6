#!/bin/sh
# The benchmark matrix: every scenario against camstream's distribution and then the bare reference, figures
# written into docs/PERFORMANCE.md (between its matrix markers). About 9 minutes (14 runs of 24–34 s and 8 cold
# starts); load on 127.0.0.1 only.
# Build first, from the project root:  ./mvnw -q -B package -DskipTests
# Options go to `camstream-bench matrix` (see bench/bin/camstream-bench --help).
set -eu
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
exec bench/bin/camstream-bench matrix "$@"
