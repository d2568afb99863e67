#!/usr/bin/env bash
# Set up everything `make e2e` and `make test` need; each step is skipped when already done.
#
#   1. Debian packages: chromium (Playwright drives /usr/bin/chromium; Playwright's own browser download
#      does not work here), fonts-nanum (Korean glyphs in screenshots), and chromium-headless-shell (the features' browser)
#      and chromium-driver when they match Chromium's version.
#   2. .venv with the project installed editable with dev extras, redone when pyproject.toml changes.
#   3. node_modules with the pinned Allure 3 report tool, redone when package-lock.json changes.
set -euo pipefail

cd "$(dirname "$0")/.."

log() { printf 'bootstrap: %s\n' "$*"; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

stamp_of() {
    sha256sum "$@" | sha256sum | cut -d' ' -f1
}

apt_install() {
    export DEBIAN_FRONTEND=noninteractive
    # The package lists may be missing (fresh image) or stale (404s); refresh them only then.
    if ! as_root apt-get install -y --no-install-recommends "$@"; then
        log "apt-get install failed; refreshing package lists and retrying"
        as_root apt-get update
        as_root apt-get install -y --no-install-recommends "$@"
    fi
}

system_packages() {
    local wanted=()
    [ -x /usr/bin/chromium ] || wanted+=(chromium)
    [ -e /usr/share/fonts/truetype/nanum/NanumGothic.ttf ] || wanted+=(fonts-nanum)
    # Debian ships venv's ensurepip separately from python3.
    python3 -c 'import ensurepip, venv' 2>/dev/null || wanted+=(python3-venv)
    command -v npm >/dev/null || wanted+=(nodejs npm)
    if [ "${#wanted[@]}" -gt 0 ]; then
        log "installing Debian packages: ${wanted[*]}"
        apt_install "${wanted[@]}"
    fi
    grid_driver
    headless_shell
}

# Chromium's old headless shell, which the features run in when it is there (support/settings.py: DEFAULT_CHROMIUM):
# lighter than the full browser. Like the driver, only at Chromium's own version, so apt upgrades nothing.
headless_shell() {
    [ -x /usr/bin/chromium-headless-shell ] && return
    local browser shell
    browser="$(dpkg-query -W -f='${Version}' chromium 2>/dev/null || true)"
    shell="$(apt-cache policy chromium-headless-shell 2>/dev/null | awk '/Candidate:/ {print $2}')"
    if [ -n "$browser" ] && [ "$shell" = "$browser" ]; then
        log "installing chromium-headless-shell $shell (same version as Chromium) for the features"
        apt_install chromium-headless-shell || log "chromium-headless-shell could not be installed; the features use chromium"
    else
        log "chromium-headless-shell ${shell:-not found} differs from Chromium ${browser:-?}: the features use chromium"
    fi
}

# chromedriver for the Selenium Grid test (tests/test_selenium_grid.py). Its version must be Chromium's, and apt
# would upgrade Chromium to match a newer driver: so it is installed only when both are the same version.
grid_driver() {
    command -v chromedriver >/dev/null && return
    local browser driver
    browser="$(dpkg-query -W -f='${Version}' chromium 2>/dev/null || true)"
    driver="$(apt-cache policy chromium-driver 2>/dev/null | awk '/Candidate:/ {print $2}')"
    if [ -n "$browser" ] && [ "$browser" = "$driver" ]; then
        log "installing chromium-driver $driver (same version as Chromium) for the Selenium Grid test"
        apt_install chromium-driver || log "chromium-driver could not be installed; the grid test will say so"
    else
        log "chromium-driver ${driver:-not found} differs from Chromium ${browser:-?}: not installed (grid test skips)"
    fi
}

python_env() {
    local stamp_file=.venv/.kb-setup-stamp
    local want
    want="$(stamp_of pyproject.toml)"
    if [ -x .venv/bin/python ] && [ "$(cat "$stamp_file" 2>/dev/null)" = "$want" ]; then
        return
    fi
    if ! .venv/bin/python -c '' 2>/dev/null; then
        log "creating .venv"
        rm -rf .venv
        python3 -m venv .venv
    fi
    log "installing the project into .venv (pyproject.toml changed or first run)"
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-input -e '.[dev]'
    printf '%s\n' "$want" >"$stamp_file"
}

node_env() {
    local stamp_file=node_modules/.kb-setup-stamp
    local want
    want="$(stamp_of package-lock.json)"
    if [ -x node_modules/.bin/allure ] && [ "$(cat "$stamp_file" 2>/dev/null)" = "$want" ]; then
        return
    fi
    log "installing the Allure report tool (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
    printf '%s\n' "$want" >"$stamp_file"
}

system_packages
python_env
node_env
