# Shared by the install scripts: install the Debian packages that are missing.
# Usage: apt_ensure PACKAGE...
apt_ensure() {
    local sudo="" missing=() pkg
    [ "$(id -u)" = 0 ] || sudo="sudo"
    for pkg in "$@"; do
        dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
    done
    [ "${#missing[@]}" -gt 0 ] || return 0
    echo "== apt: ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
}

# pip, quiet when it works, its whole output when it fails.
# Usage: pip_quiet ARGS...
pip_quiet() {
    local log status=0
    log="$(mktemp)"
    .venv/bin/python -m pip "$@" >"$log" 2>&1 || status=$?
    [ "$status" -eq 0 ] || cat "$log" >&2
    rm -f "$log"
    return "$status"
}
