#!/usr/bin/env bash
# Renders the site's mark (wwwroot/favicon.svg) into wwwroot/favicon.ico at 16, 32 and 48 px, PNG-compressed
# entries (read by every browser since Windows Vista), for what asks /favicon.ico without reading the page's
# <link rel="icon">: Safari, feed readers, crawlers. Run after changing the SVG: tools/icons/build-favicon.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
svg="$root/src/ImpactAlliances.Web/wwwroot/favicon.svg"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
for size in 16 32 48; do
  printf '<body style="margin:0"><img src="file://%s" width="%s" height="%s" style="display:block">' "$svg" "$size" "$size" > "$work/$size.html"
  chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --default-background-color=00000000 \
    --window-size="$size,$size" --screenshot="$work/$size.png" "file://$work/$size.html" 2>/dev/null
done
python3 - "$work" "$root/src/ImpactAlliances.Web/wwwroot/favicon.ico" <<'PY'
import struct, sys
work, out = sys.argv[1:]
images = [(size, open(f"{work}/{size}.png", "rb").read()) for size in (16, 32, 48)]
offset = 6 + 16 * len(images)
header = struct.pack("<HHH", 0, 1, len(images))  # reserved, type 1 = icon, count
entries, data = b"", b""
for size, png in images:
    entries += struct.pack("<BBBBHHII", size, size, 0, 0, 1, 32, len(png), offset + len(data))
    data += png
open(out, "wb").write(header + entries + data)
PY
echo "écrit : $root/src/ImpactAlliances.Web/wwwroot/favicon.ico"
