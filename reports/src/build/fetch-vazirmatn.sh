#!/bin/sh
# Fetches the Vazirmatn font (SIL OFL 1.1) from the npm registry with `npm pack` and copies the
# Regular and Bold TTF files and the licence into a generated resource folder. Run by Maven
# (exec-maven-plugin, generate-resources); does nothing when that version is already there, so
# offline rebuilds work. The TTF files are never committed.
#   usage: fetch-vazirmatn.sh VERSION WORK_FOLDER TARGET_FOLDER
set -eu
version="$1"
work="$2"
target="$3"
if [ "$(cat "$target/VERSION" 2>/dev/null || true)" = "$version" ] \
    && [ -f "$target/Vazirmatn-Regular.ttf" ] && [ -f "$target/Vazirmatn-Bold.ttf" ]; then
  exit 0
fi
mkdir -p "$work" "$target"
(cd "$work" && npm pack "vazirmatn@$version" --silent >/dev/null)
tar -xzf "$work/vazirmatn-$version.tgz" -C "$work" \
  package/fonts/ttf/Vazirmatn-Regular.ttf package/fonts/ttf/Vazirmatn-Bold.ttf package/OFL.txt
cp "$work/package/fonts/ttf/Vazirmatn-Regular.ttf" "$work/package/fonts/ttf/Vazirmatn-Bold.ttf" \
  "$work/package/OFL.txt" "$target/"
echo "$version" > "$target/VERSION"
echo "fetched Vazirmatn $version into $target"
