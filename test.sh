#!/usr/bin/env bash
# Builds Glimpse and runs the whole test suite (unit, loader, GPU-path tests on Mesa llvmpipe when no GPU).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
source "$root/scripts/jdk.sh"
glimpse_find_jdk
cd "$root"
exec mvn -B -ntp verify "$@"
