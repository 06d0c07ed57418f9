#!/usr/bin/env bash
# Refreshes docs/screenshots/ from the browser journeys: the site started as the README says, in Debian's chromium.
# Usage: bash docs/refresh-screenshots.sh   (runs ./test.sh EndToEnd, then copies the chosen screenshots)
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p docs/screenshots
./test.sh EndToEnd
shots=(
  journey-en-1366-1-banner journey-en-375-1-banner journey-phone-menu
  journey-en-1366-2-form-error journey-en-375-2-form-error journey-fr-1366-3-thank-you
  journey-en-1366-4-trial journey-fr-375-4-trial journey-refusal-settings
  journey-editor-2-confirm journey-editor-3-coverage backoffice-edit-375
  journey-marketer-1-overview journey-marketer-2-leads journey-marketer-3-lead
)
for name in "${shots[@]}"; do
  cp "test-output/screenshots/$name.png" "docs/screenshots/$name.png"
done
echo "Copied ${#shots[@]} screenshots to docs/screenshots/"
