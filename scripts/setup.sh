#!/usr/bin/env bash
# Installs what nbci's demo and tests need on a fresh Debian machine, or says exactly what is missing.
# Idempotent: packages already present are not touched.
set -euo pipefail

debian_packages=(
  python3-ipykernel    # the Jupyter kernel notebooks run on (kernelspec /usr/share/jupyter/kernels/python3)
  python3-nbformat     # used by tests to cross-check notebooks against Jupyter's own library
  python3-pandas       # the demo job and test notebooks use pandas
  python3-requests     # the demo job talks WebHDFS over HTTP
  jupyter-nbconvert    # the peer the execution benchmark compares against
  chromium             # the HTML report test opens generated reports in a real headless browser
  chromium-driver      # ... driven through chromedriver by Selenium (HtmlReportBrowserIT)
)

missing=()
for p in "${debian_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

need() { command -v "$1" >/dev/null 2>&1 || { echo "setup: '$1' is required but not installed ($2)" >&2; exit 2; }; }
need java "install a Java 17 JDK, e.g. apt-get install openjdk-17-jdk-headless"
need mvn "install Apache Maven 3.8+, e.g. apt-get install maven"

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "setup: installing ${missing[*]}" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: missing Debian packages: ${missing[*]}" >&2
    echo "setup: install them with: sudo apt-get install --no-install-recommends ${missing[*]}" >&2
    exit 2
  fi
fi
