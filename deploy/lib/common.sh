# shellcheck shell=bash disable=SC2034,SC2016
# Shared by deploy/up.sh and deploy/down.sh: where things live, messages, ports, PID files, HTTP probes.
# Everything the scripts create lives under <repo>/.kmn (git-ignored), so any clone location works.

KMN_REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
KMN_HOME="$KMN_REPO/.kmn"
KMN_APP="$KMN_HOME/app"        # published silo and web
KMN_BUILD="$KMN_HOME/build"    # dotnet artifacts, kept out of the tree's bin/obj
KMN_RUN="$KMN_HOME/run"        # PID files
KMN_LOGS="$KMN_HOME/logs"
KMN_STATE="$KMN_HOME/state"    # ports, password, build fingerprint
KMN_PORTS_FILE="$KMN_STATE/ports"

KMN_CLUSTER_ID="kmn-local"
KMN_SERVICE_ID="kmn"
KMN_SILO_DLL="$KMN_APP/silo/KMN.Orleans.Silo.dll"
KMN_WEB_DLL="$KMN_APP/web/KMN.Orleans.Web.dll"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [[ -t 1 ]]; then _b=$'\033[1m' _r=$'\033[0m'; else _b="" _r=""; fi
say()  { printf '%s==>%s %s\n' "$_b" "$_r" "$*"; }
note() { printf '    %s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die()  { printf 'error: %s\n' "$*" >&2; exit 1; }

# True when something accepts TCP connections on 127.0.0.1:PORT. Uses bash's /dev/tcp, so it needs
# neither ss nor netstat (absent from minimal Debian images).
port_in_use() {
    timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$0"' "$1" 2>/dev/null
}

# pick_port PREFERRED [TAKEN...]: the first free port at or above PREFERRED that is not in TAKEN.
pick_port() {
    local port=$1; shift
    local taken=" $* " limit=$((port + 500))
    while ((port < limit)); do
        if [[ $taken != *" $port "* ]] && ! port_in_use "$port"; then
            echo "$port"
            return 0
        fi
        port=$((port + 1))
    done
    return 1
}

# HTTP status code of a GET, "000" when nothing answers. curl when present, else plain bash.
http_status() {
    local url=$1
    if command -v curl >/dev/null 2>&1; then
        curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url" 2>/dev/null || true
        return 0
    fi
    local hostport=${url#http://}
    hostport=${hostport%%/*}
    local path="/${url#http://*/}"
    timeout 6 bash -c '
        exec 3<>"/dev/tcp/${0%:*}/${0##*:}" || exit 1
        printf "GET %s HTTP/1.0\r\nHost: %s\r\nConnection: close\r\n\r\n" "$1" "$0" >&3
        read -r _ code _ <&3 && echo "$code"' "$hostport" "$path" 2>/dev/null || echo 000
}

pid_file() { echo "$KMN_RUN/$1.pid"; }

# run_with_env VAR=value... -- COMMAND...: replaces the current (sub)shell with COMMAND, the variables
# exported rather than passed as arguments, where ps would show the database password to every user.
run_with_env() {
    while [[ $1 != -- ]]; do
        export "${1?}"
        shift
    done
    shift
    exec "$@"
}

# pid_of NAME MATCH: prints the PID recorded for NAME if that process is alive and its command line
# contains MATCH (so a PID recycled by some other program is never taken for ours).
pid_of() {
    local file pid
    file=$(pid_file "$1")
    [[ -s $file ]] || return 1
    pid=$(<"$file")
    [[ $pid =~ ^[0-9]+$ && -r /proc/$pid/cmdline ]] || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$2" || return 1
    echo "$pid"
}

# spawn NAME DIR [VAR=value...] -- COMMAND...: starts COMMAND in DIR, detached in its own session (so a
# Ctrl-C in the terminal reaches only up.sh, which then shuts everything down in order), logging to
# NAME.log. DIR matters: an ASP.NET app that takes its content root from the working directory finds
# its wwwroot only when started from its own folder.
spawn() {
    local name=$1 dir=$2; shift 2
    local -a vars=()
    while [[ $1 != -- ]]; do vars+=("$1"); shift; done
    shift
    local log="$KMN_LOGS/$name.log" pidf
    pidf=$(pid_file "$name")
    [[ -f $log ]] && mv -f "$log" "$log.1"
    rm -f "$pidf"
    # The inner shell writes its own PID and then becomes the program, so the PID file is exact.
    (run_with_env "${vars[@]}" -- setsid bash -c 'cd "$1" && echo $$ >"$0" && shift && exec "$@"' \
        "$pidf" "$dir" "$@") </dev/null >>"$log" 2>&1 &
    local _
    for _ in $(seq 1 50); do
        [[ -s $pidf ]] && return 0
        sleep 0.1
    done
    die "could not start $name (see $log)"
}

# stop_all TIMEOUT NAME:MATCH...: SIGTERM to every live one at once, wait for graceful exit up to
# TIMEOUT seconds, SIGKILL only as the last resort. PID files are removed either way.
stop_all() {
    local timeout=$1; shift
    local -a pids=() names=()
    local item name match pid
    for item in "$@"; do
        name=${item%%:*} match=${item#*:}
        if pid=$(pid_of "$name" "$match"); then
            kill -TERM "$pid" 2>/dev/null || true
            pids+=("$pid") names+=("$name")
        fi
        rm -f "$(pid_file "$name")"
    done
    ((${#pids[@]} > 0)) || return 0
    note "stopping ${names[*]} (PID ${pids[*]})"
    local waited=0 alive
    while :; do
        alive=()
        for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive+=("$pid"); done
        ((${#alive[@]} == 0)) && return 0
        if ((waited >= timeout)); then
            warn "still running after ${timeout}s, killing PID ${alive[*]}"
            kill -KILL "${alive[@]}" 2>/dev/null || true
            return 0
        fi
        sleep 1
        waited=$((waited + 1))
    done
}

log_tail() {
    local log=$1
    [[ -f $log ]] || return 0
    printf -- '----- last lines of %s -----\n' "$log" >&2
    tail -n "${2:-40}" "$log" >&2
    printf -- '-----\n' >&2
}

# Sourceable state: PG_PORT, WEB_PORT, FHIR_PORT, SILOS, WITH_WEB, SILO_PORTS_<i>="silo gateway health".
load_ports() {
    PG_PORT="" WEB_PORT="" FHIR_PORT="" SILOS=0 WITH_WEB=0
    # shellcheck disable=SC1090
    [[ -f $KMN_PORTS_FILE ]] && source "$KMN_PORTS_FILE"
    return 0
}
