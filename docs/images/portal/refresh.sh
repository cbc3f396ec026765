#!/usr/bin/env bash
#
# Copies the portal screenshots the documentation shows from the browser tests' output
# (tests/Partnerskab.Portal.Tests/bin/Release/net10.0/screenshots/, written by every run of
# the portal tests) into this folder: the top 1280x800 of each desktop capture (what a
# 1280x800 window shows), without metadata, compressed as tightly as PNG allows (crop.py).
# Run the tests first, e.g.: tests/run.sh --filter "FullyQualifiedName~Partnerskab.Portal.Tests"
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SOURCE=${1:-$HERE/../../../tests/Partnerskab.Portal.Tests/bin/Release/net10.0/screenshots}
NAMES=(sign-in dashboard-committee committee-pack handover claim-queue citizen-timeline contact
    finance-invoice-run-preview finance-periods business-case audit-log-citizen operations accounts)

command -v convert >/dev/null || { echo "refresh.sh: needs ImageMagick's convert (apt-get install imagemagick)" >&2; exit 2; }
for name in "${NAMES[@]}"; do
    capture="$SOURCE/$name-desktop.png"
    [[ -f $capture ]] || { echo "refresh.sh: $capture is missing: run the portal tests first" >&2; exit 1; }
    convert "$capture" ppm:- | python3 "$HERE/crop.py" "$HERE/$name.png"
done
ls -l "$HERE"/*.png
