#!/bin/sh
# Fails when a C++ file of the project is not formatted as .clang-format says, and names the files.
# Usage: check-format.sh CLANG_FORMAT SOURCE_DIR
set -u
clang_format=$1
cd "$2" || exit 1
if [ -d .git ] || git rev-parse --git-dir >/dev/null 2>&1; then
  files=$(git ls-files -- '*.cpp' '*.h')
else
  files=$(find core tools tests app server -name '*.cpp' -o -name '*.h' 2>/dev/null)
fi
bad=""
for f in $files; do
  "$clang_format" --dry-run --Werror "$f" >/dev/null 2>&1 || bad="$bad $f"
done
if [ -n "$bad" ]; then
  echo "Not formatted (run: $clang_format -i FILE):$bad"
  exit 1
fi
echo "All $(echo $files | wc -w) C++ files are formatted."
