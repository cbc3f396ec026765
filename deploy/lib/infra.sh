# shellcheck shell=bash disable=SC2034 # THROWAWAY_* globals are for the caller
#
# Shared infrastructure helpers for deploy/up.sh, deploy/down.sh and tests/run.sh.
# Source it; it defines functions only (plus a few read-only defaults) and does not
# change shell options, so the caller's `set -euo pipefail` applies.
#
#   ensure_packages                      apt-get install what is missing (once per shell)
#   free_port                            print a TCP port that is free on 127.0.0.1
#   pg_throwaway_start DIR [PORT]        initdb + start a private PostgreSQL in DIR
#   pg_throwaway_stop DIR                stop it and delete DIR
#   pg_replicated_start DIR              a primary (DIR/node1) and a synchronous standby (DIR/node2)
#   pg_replicated_stop DIR               stop both and delete DIR
#   pg_node_kill NODE / pg_node_start NODE / pg_node_promote NODE / pg_standby_rebuild NODE PRIMARY
#                                        SIGKILL a node of the pair / start it again / promote a
#                                        standby / make a node a fresh synchronous standby of PRIMARY
#   rabbitmq_throwaway_start DIR [PORT]  start a private RabbitMQ node with all state in DIR
#   rabbitmq_throwaway_ctl DIR ARGS...   run rabbitmqctl against that node
#   rabbitmq_throwaway_stop DIR          stop it (and its private epmd) and delete DIR
#   rabbitmq_cluster_start DIR [N]       N (3) throwaway nodes in DIR/node1..N, clustered
#   rabbitmq_cluster_stop DIR            stop every node of the cluster and delete DIR
#   rabbitmq_node_kill DIR / rabbitmq_node_restart DIR
#                                        SIGKILL one node's VM / start it again on its data
#
# "Throwaway" instances share nothing with the system ones: own ports (picked with
# free_port unless given), own data/log/config directories, own Erlang node name,
# cookie and epmd. Two test runs on one machine therefore never collide, and stopping
# one never touches the other or the Debian cluster / system broker.
#
# The start functions publish what they chose in globals (they cannot print it: a
# daemon started inside $(...) would keep the pipe open):
#   THROWAWAY_PG_PORT, THROWAWAY_PG_PORTS, THROWAWAY_RABBITMQ_PORT, THROWAWAY_RABBITMQ_NODE, THROWAWAY_RABBITMQ_PORTS

# RabbitMQ's own scripts. /usr/sbin/rabbitmq-* are Debian wrappers that `su` to the
# rabbitmq user and pin HOME/cwd to /var/lib/rabbitmq (its cookie, its logs); the
# throwaway node must not use any of that, so it calls the real scripts directly.
RABBITMQ_SCRIPTS_DIR_DEFAULT=/usr/lib/rabbitmq/bin

infra_log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
infra_die() { infra_log "ERROR: $*"; exit 1; }

# --------------------------------------------------------------------------------------
# Packages
# --------------------------------------------------------------------------------------

_INFRA_APT_UPDATED=0

# apt_install PKG...: `apt-get update` once per shell, then a non-interactive install.
apt_install() {
    [[ $(id -u) -eq 0 ]] || infra_die "need root to apt-get install $*; install it and re-run"
    if [[ $_INFRA_APT_UPDATED -eq 0 ]]; then
        infra_log "apt-get update"
        DEBIAN_FRONTEND=noninteractive apt-get update -q
        _INFRA_APT_UPDATED=1
    fi
    infra_log "apt-get install $*"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
}

# pg_bindir: the newest installed PostgreSQL server binaries (Debian keeps them out of PATH).
pg_bindir() {
    if [[ -n ${PARTNERSKAB_PG_BINDIR:-} ]]; then
        printf '%s\n' "$PARTNERSKAB_PG_BINDIR"
        return
    fi
    local dir
    dir=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)
    [[ -n $dir && -x $dir/initdb ]] || return 1
    printf '%s\n' "$dir"
}

# ensure_packages: install PostgreSQL, RabbitMQ, Node.js/npm (for the buf CLI), python3,
# curl, openssl, ps and kubectl (tests/run.sh renders the Kubernetes manifests) when missing;
# for the portal also chromium (it prints the committee pack as PDF; the browser tests drive
# it), a font for it, and pdftotext (poppler-utils).
# Checks commands/files rather than dpkg names, because e.g.
# NodeSource's nodejs package ships npm without a separate `npm` package, and installing
# Debian's npm on top of it would conflict.
ensure_packages() {
    local missing=()
    pg_bindir >/dev/null || missing+=(postgresql)
    [[ -x $RABBITMQ_SCRIPTS_DIR_DEFAULT/rabbitmq-server ]] || missing+=(rabbitmq-server)
    command -v node >/dev/null || missing+=(nodejs)
    command -v npm >/dev/null || missing+=(npm)
    command -v python3 >/dev/null || missing+=(python3)
    command -v curl >/dev/null || missing+=(curl)
    command -v openssl >/dev/null || missing+=(openssl)
    command -v runuser >/dev/null || missing+=(util-linux)
    command -v ps >/dev/null || missing+=(procps)
    command -v chromium >/dev/null || missing+=(chromium)
    [[ -d /usr/share/fonts/truetype/liberation ]] || missing+=(fonts-liberation)
    command -v pdftotext >/dev/null || missing+=(poppler-utils)
    # kubectl renders the Kubernetes manifests (kubectl kustomize; Kustomize v5).
    command -v kubectl >/dev/null || missing+=(kubectl)
    if [[ ${#missing[@]} -gt 0 ]]; then
        # Note: on a host with systemd, installing postgresql / rabbitmq-server also starts
        # the system cluster / broker (ports 5432 / 5672). Throwaway instances do not care;
        # deploy/up.sh simply finds them running.
        apt_install "${missing[@]}"
    fi
}

# free_port: ask the kernel for an unused port on 127.0.0.1. The socket is closed before
# the caller binds it, so there is a small race; the start functions retry on bind failure.
free_port() {
    python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()'
}

# process_alive PID / group_alive PGID: true while the process (any process of the group)
# exists and is not a zombie. Plain `kill -0` also succeeds for zombies, and orphans here
# are reaped by PID 1, which may take its time (it is not always an init that reaps at once).
process_alive() {
    local stat
    stat=$(ps -o stat= -p "$1" 2>/dev/null) || return 1
    [[ -n $stat && $stat != Z* ]]
}
group_alive() {
    ps -eo pgid=,stat= | awk -v g="$1" '$1 == g && $2 !~ /^Z/ { found = 1 } END { exit !found }'
}

# port_open PORT: true if something accepts TCP connections on 127.0.0.1:PORT.
port_open() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# --------------------------------------------------------------------------------------
# Throwaway PostgreSQL
# --------------------------------------------------------------------------------------

# as_postgres CMD...: PostgreSQL refuses to run as root, so as root run as `postgres`
# (from /, since the caller's directory may be closed to it; all paths here are absolute).
as_postgres() {
    if [[ $(id -u) -eq 0 ]]; then
        (cd / && exec runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

# pg_throwaway_start DIR [PORT]
# Creates a fresh cluster in DIR/data (superuser `postgres`, trust auth, listening on
# 127.0.0.1:PORT only, unix socket inside the data dir) and starts it. Durability is off
# (fsync etc.): the data is thrown away anyway. Without PORT, picks a free one and
# retries a few times if it was taken in between. Sets THROWAWAY_PG_PORT.
# PARTNERSKAB_PG_SETTINGS, if set, is added to the server's options (e.g. "-c
# shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all" to see
# where a benchmark's statements spend their time).
pg_throwaway_start() {
    local dir=$1 port=${2:-} bindir attempt
    bindir=$(pg_bindir) || infra_die "PostgreSQL server binaries not found (run ensure_packages)"
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    for attempt in 1 2 3; do
        local try_port=${port:-$(free_port)}
        _pg_empty_data_dir "$dir"
        as_postgres "$bindir/initdb" --pgdata="$dir/data" --username=postgres \
            --auth=trust --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 ||
            { cat "$dir/initdb.log" >&2; infra_die "initdb failed in $dir/data"; }
        # pg_ctl -w waits until the server accepts connections (or fails).
        if as_postgres "$bindir/pg_ctl" --pgdata="$dir/data" --log="$dir/data/postgres.log" \
            --wait --timeout=60 --silent \
            -o "-c listen_addresses=127.0.0.1 -p $try_port -c unix_socket_directories=$dir/data \
                -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
                -c max_connections=300 ${PARTNERSKAB_PG_SETTINGS:-}" start; then
            printf 'port=%s\nbindir=%s\n' "$try_port" "$bindir" >"$dir/infra.env"
            THROWAWAY_PG_PORT=$try_port
            infra_log "throwaway PostgreSQL on 127.0.0.1:$try_port (data in $dir/data)"
            return 0
        fi
        infra_log "PostgreSQL did not start on port $try_port (attempt $attempt); log tail:"
        tail -n 5 "$dir/data/postgres.log" >&2 || true
        [[ -z $port ]] || break # a fixed port will not get better
    done
    infra_die "could not start a throwaway PostgreSQL in $dir"
}

# pg_throwaway_stop DIR: immediate shutdown (no checkpoint needed) and remove DIR.
# Safe to call twice or on a half-started DIR.
pg_throwaway_stop() {
    local dir=$1 bindir
    [[ -d $dir ]] || return 0
    if [[ -f $dir/data/postmaster.pid ]]; then
        bindir=$(sed -n 's/^bindir=//p' "$dir/infra.env" 2>/dev/null || true)
        [[ -n $bindir ]] || bindir=$(pg_bindir)
        as_postgres "$bindir/pg_ctl" --pgdata="$dir/data" --mode=immediate --wait --silent stop ||
            infra_log "warning: pg_ctl stop failed for $dir/data"
    fi
    rm -rf "$dir"
}

# _pg_empty_data_dir DIR: an empty DIR/data that the postgres user owns and can reach.
_pg_empty_data_dir() {
    local dir=$1
    rm -rf "$dir/data"
    mkdir -p "$dir/data"
    chmod 700 "$dir/data" # PostgreSQL refuses a data dir others can read
    if [[ $(id -u) -eq 0 ]]; then
        chmod o+x "$dir"
        chown postgres: "$dir/data"
        runuser -u postgres -- test -x "$dir/data" ||
            infra_die "user postgres cannot reach $dir (a parent directory is private); use e.g. a dir under /tmp"
    fi
}

# pg_replicated_start DIR
# Two throwaway PostgreSQL nodes on free ports: a primary in DIR/node1 and a streaming standby in
# DIR/node2 (pg_basebackup), which the primary waits for on every commit (synchronous_standby_names
# = '*', synchronous_commit = on): a commit acknowledged to a client has reached the standby.
# Each node dir has the infra.env of pg_throwaway_start, so pg_throwaway_pause/_resume work on it.
# fsync stays off as on the single server: the faults here kill processes, not the machine, and
# what a killed process wrote is in the page cache. Sets THROWAWAY_PG_PORTS ("primary standby").
pg_replicated_start() {
    local dir=$1 bindir primary_port standby_port
    bindir=$(pg_bindir) || infra_die "PostgreSQL server binaries not found (run ensure_packages)"
    mkdir -p "$dir/node1" "$dir/node2"
    dir=$(cd "$dir" && pwd)
    [[ $(id -u) -ne 0 ]] || chmod o+x "$dir"
    primary_port=$(free_port)
    standby_port=$(free_port)
    _pg_empty_data_dir "$dir/node1"
    as_postgres "$bindir/initdb" --pgdata="$dir/node1/data" --username=postgres \
        --auth=trust --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$dir/node1/initdb.log" 2>&1 ||
        { cat "$dir/node1/initdb.log" >&2; infra_die "initdb failed in $dir/node1/data"; }
    # In postgresql.conf, so that pg_basebackup copies it to every standby made from this node.
    # initdb's pg_hba.conf already trusts replication connections from 127.0.0.1.
    as_postgres tee -a "$dir/node1/data/postgresql.conf" >/dev/null <<'EOF'
listen_addresses = '127.0.0.1'
max_connections = 300
fsync = off
full_page_writes = off
synchronous_commit = on
synchronous_standby_names = '*'
EOF
    printf 'port=%s\nbindir=%s\nname=node1\n' "$primary_port" "$bindir" >"$dir/node1/infra.env"
    pg_node_start "$dir/node1" || infra_die "the primary PostgreSQL did not start in $dir/node1"
    printf 'port=%s\nbindir=%s\nname=node2\n' "$standby_port" "$bindir" >"$dir/node2/infra.env"
    pg_standby_rebuild "$dir/node2" "$dir/node1"
    THROWAWAY_PG_PORTS="$primary_port $standby_port"
    infra_log "throwaway PostgreSQL primary on 127.0.0.1:$primary_port, synchronous standby on 127.0.0.1:$standby_port (in $dir)"
}

# pg_node_start NODE: start the node's data dir on its port, its socket in the data dir.
pg_node_start() {
    local node=$1 bindir port name
    bindir=$(sed -n 's/^bindir=//p' "$node/infra.env")
    port=$(sed -n 's/^port=//p' "$node/infra.env")
    name=$(sed -n 's/^name=//p' "$node/infra.env")
    # The log outside the data dir, so that pg_basebackup does not copy one node's log into another.
    [[ $(id -u) -ne 0 ]] || { touch "$node/postgres.log" && chown postgres: "$node/postgres.log"; }
    as_postgres "$bindir/pg_ctl" --pgdata="$node/data" --log="$node/postgres.log" \
        --wait --timeout=60 --silent \
        -o "-p $port -c unix_socket_directories=$node/data -c cluster_name=$name" start
}

# _pg_sql NODE SQL...: run each SQL statement on the node (own transaction each), unaligned output.
_pg_sql() {
    local node=$1 bindir port statement args=()
    shift
    bindir=$(sed -n 's/^bindir=//p' "$node/infra.env")
    port=$(sed -n 's/^port=//p' "$node/infra.env")
    for statement in "$@"; do args+=(-c "$statement"); done
    as_postgres "$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres --no-psqlrc -XtA \
        --set=ON_ERROR_STOP=1 "${args[@]}"
}

# pg_replicated_stop DIR: stop both nodes (immediately) and delete DIR.
pg_replicated_stop() { _nodes_stop "$1" pg_throwaway_stop; }

# _nodes_stop DIR STOP: STOP each node directory DIR/node* (which deletes it), then delete DIR.
_nodes_stop() {
    local dir=$1 stop=$2 node
    [[ -d $dir ]] || return 0
    for node in "$dir"/node*; do
        [[ -d $node ]] && "$stop" "$node"
    done
    rm -rf "$dir"
}

# pg_node_kill NODE: SIGKILL the node's postmaster and every backend at once, as a crash would:
# no shutdown checkpoint, no goodbye to clients or the standby.
pg_node_kill() {
    local node=$1 postmaster pids pid
    postmaster=$(head -n 1 "$node/data/postmaster.pid")
    pids=$(ps -o pid= --ppid "$postmaster" | tr '\n' ' ')
    # shellcheck disable=SC2086 # one word per pid
    kill -KILL "$postmaster" $pids 2>/dev/null || true
    for pid in $postmaster $pids; do
        while process_alive "$pid"; do sleep 0.1; done
    done
}

# pg_node_promote NODE: promote the standby in NODE to primary. No standby is left to wait for, so
# it commits without one (synchronous_standby_names emptied) until pg_standby_rebuild gives it one
# again: as a failover manager in non-strict synchronous mode does, writes go on, and for that
# while a commit is on one node only.
pg_node_promote() {
    local node=$1 bindir
    bindir=$(sed -n 's/^bindir=//p' "$node/infra.env")
    as_postgres "$bindir/pg_ctl" --pgdata="$node/data" --wait --timeout=60 --silent promote
    _pg_sql "$node" "ALTER SYSTEM SET synchronous_standby_names = ''" "SELECT pg_reload_conf()" >/dev/null
}

# pg_standby_rebuild NODE PRIMARY: a fresh copy of PRIMARY (pg_basebackup) in NODE, started on
# NODE's port as its streaming standby; once it streams, PRIMARY waits for it on every commit again.
# NODE's old data, a former primary's among them, is thrown away (it may hold transactions the
# promoted node never saw).
pg_standby_rebuild() {
    local node=$1 primary=$2 bindir primary_port waited=0
    bindir=$(sed -n 's/^bindir=//p' "$primary/infra.env")
    primary_port=$(sed -n 's/^port=//p' "$primary/infra.env")
    if [[ -f $node/data/postmaster.pid ]]; then
        as_postgres "$bindir/pg_ctl" --pgdata="$node/data" --mode=immediate --wait --silent stop 2>/dev/null || true
    fi
    _pg_empty_data_dir "$node"
    # -R: standby.signal and primary_conninfo (this primary's host and port) in the copy.
    as_postgres "$bindir/pg_basebackup" --pgdata="$node/data" -h 127.0.0.1 -p "$primary_port" -U postgres \
        --write-recovery-conf --wal-method=stream --checkpoint=fast --no-sync >"$node/basebackup.log" 2>&1 ||
        { cat "$node/basebackup.log" >&2; infra_die "pg_basebackup into $node/data failed"; }
    pg_node_start "$node" || infra_die "the standby PostgreSQL did not start in $node"
    until [[ $(_pg_sql "$primary" "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'") -ge 1 ]]; do
        ((waited++ < 600)) || infra_die "the standby in $node does not stream from $primary"
        sleep 0.1
    done
    _pg_sql "$primary" "ALTER SYSTEM RESET synchronous_standby_names" "SELECT pg_reload_conf()" >/dev/null
}

# --------------------------------------------------------------------------------------
# Throwaway RabbitMQ
# --------------------------------------------------------------------------------------

# The node runs as the current user (root is fine for Erlang) with every RabbitMQ path
# variable pointed into DIR. DIR/infra.env records them so that _ctl and _stop (possibly
# from another process) talk to the same node:
#   HOME           DIR/home: holds the node's own .erlang.cookie, shared by server and CLI
#   ERL_EPMD_PORT  a private epmd, so the shared one on 4369 is neither used nor left behind
#   RABBITMQ_CONF_ENV_FILE / _CONFIG_FILE / _ADVANCED_CONFIG_FILE / _ENABLED_PLUGINS_FILE
#                  empty or minimal files in DIR, so nothing under /etc/rabbitmq is read
_rabbitmq_env_file() {
    local dir=$1 node=$2 amqp_port=$3 dist_port=$4 epmd_port=$5
    cat >"$dir/infra.env" <<EOF
export HOME='$dir/home'
export ERL_EPMD_PORT='$epmd_port'
export ERL_EPMD_ADDRESS='127.0.0.1'
export ERL_CRASH_DUMP='$dir/log/erl_crash.dump'
export RABBITMQ_NODENAME='$node'
export RABBITMQ_USE_LONGNAME=false
export RABBITMQ_NODE_IP_ADDRESS='127.0.0.1'
export RABBITMQ_NODE_PORT='$amqp_port'
export RABBITMQ_DIST_PORT='$dist_port'
export RABBITMQ_MNESIA_BASE='$dir/mnesia'
export RABBITMQ_LOG_BASE='$dir/log'
export RABBITMQ_PID_FILE='$dir/rabbitmq.pid'
export RABBITMQ_CONF_ENV_FILE='$dir/rabbitmq-env.conf'
export RABBITMQ_CONFIG_FILE='$dir/rabbitmq.conf'
export RABBITMQ_ADVANCED_CONFIG_FILE='$dir/advanced.config'
export RABBITMQ_ENABLED_PLUGINS_FILE='$dir/enabled_plugins'
export RABBITMQ_PLUGINS_EXPAND_DIR='$dir/plugins-expand'
# No busy-waiting schedulers: a test machine runs several nodes and many other processes on few cores.
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS='+sbwt none +sbwtdcpu none +sbwtdio none'
EOF
}

# rabbitmq_throwaway_start DIR [PORT]
# Starts a single RabbitMQ node (no plug-ins, default user guest/guest on vhost /, which
# RabbitMQ accepts from localhost only) listening for AMQP on 127.0.0.1:PORT and waits
# until it is fully booted. Node name: partnerskab-test-<pid>-<n>@localhost.
# Sets THROWAWAY_RABBITMQ_PORT and THROWAWAY_RABBITMQ_NODE.
# The nodes of a cluster (rabbitmq_cluster_start) set _RABBITMQ_EPMD_PORT, _RABBITMQ_COOKIE and
# _RABBITMQ_NODE_TAG: one epmd and one cookie for all, so that they find and trust each other.
rabbitmq_throwaway_start() {
    local dir=$1 port=${2:-} scripts=${PARTNERSKAB_RABBITMQ_SCRIPTS:-$RABBITMQ_SCRIPTS_DIR_DEFAULT}
    local attempt
    [[ -x $scripts/rabbitmq-server ]] || infra_die "rabbitmq-server not installed (run ensure_packages)"
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    for attempt in 1 2 3; do
        local amqp_port=${port:-$(free_port)} dist_port epmd_port node
        dist_port=$(free_port)
        epmd_port=${_RABBITMQ_EPMD_PORT:-$(free_port)}
        node="partnerskab-test-$$${_RABBITMQ_NODE_TAG:-}-$attempt@localhost"
        _rabbitmq_wipe "$dir"
        mkdir -p "$dir/home" "$dir/mnesia" "$dir/log"
        _rabbitmq_env_file "$dir" "$node" "$amqp_port" "$dist_port" "$epmd_port"
        : >"$dir/rabbitmq-env.conf"
        printf '[].\n' >"$dir/advanced.config"
        printf '[].\n' >"$dir/enabled_plugins"
        cat >"$dir/rabbitmq.conf" <<'EOF'
# Throwaway test broker: log to file only, and do not block publishers on a nearly full
# disk or a busy CI host (the defaults are tuned for production).
log.console = false
log.file.level = info
disk_free_limit.absolute = 10MB
vm_memory_high_watermark.relative = 0.8
# A client on a machine this busy may take longer than the default 10 s to open its connection.
handshake_timeout = 60000
EOF
        # Write the cookie before anything starts: otherwise the server and the first CLI
        # call race to create ~/.erlang.cookie and may end up with different ones.
        (umask 077 && printf '%s' "${_RABBITMQ_COOKIE:-$(_rabbitmq_new_cookie)}" >"$dir/home/.erlang.cookie")
        chmod 400 "$dir/home/.erlang.cookie"

        if _rabbitmq_launch "$dir"; then
            THROWAWAY_RABBITMQ_PORT=$amqp_port
            THROWAWAY_RABBITMQ_NODE=$node
            infra_log "throwaway RabbitMQ $node on 127.0.0.1:$amqp_port (state in $dir)"
            return 0
        fi
        infra_log "RabbitMQ did not start (attempt $attempt, port $amqp_port); output tail:"
        tail -n 15 "$dir/log/server.out" >&2 || true
        _rabbitmq_kill "$dir"
        [[ -z $port ]] || break
    done
    infra_die "could not start a throwaway RabbitMQ in $dir"
}

_rabbitmq_new_cookie() {
    python3 -c 'import secrets,string; print("".join(secrets.choice(string.ascii_uppercase) for _ in range(32)), end="")'
}

# _rabbitmq_launch DIR: start the node whose settings DIR/infra.env holds and wait until it has booted.
_rabbitmq_launch() {
    local dir=$1 scripts=${PARTNERSKAB_RABBITMQ_SCRIPTS:-$RABBITMQ_SCRIPTS_DIR_DEFAULT}
    # Own session (setsid) so that the whole process tree can be signalled as one
    # group at stop time, and so that Ctrl-C in the terminal reaches only the caller,
    # whose trap then stops the broker in order.
    (
        # shellcheck disable=SC1091
        source "$dir/infra.env"
        cd "$dir" || exit 1
        exec setsid "$scripts/rabbitmq-server" </dev/null >>"$dir/log/server.out" 2>&1
    ) &
    printf '%s\n' "$!" >"$dir/group.pid"
    _rabbitmq_wait_booted "$dir" 120 || return 1
    # Normally the group leader is the pid just recorded; if the caller has job
    # control on, setsid forked instead, so take the group from the VM's pid file.
    if [[ -s $dir/rabbitmq.pid ]]; then
        ps -o pgid= -p "$(cat "$dir/rabbitmq.pid")" | tr -d ' ' >"$dir/group.pid"
    fi
}

# _rabbitmq_wait_booted DIR TIMEOUT: poll until the node has finished booting (all boot
# steps, listeners up), failing early if the server process has died.
_rabbitmq_wait_booted() {
    local dir=$1 timeout=$2 pgid deadline
    pgid=$(cat "$dir/group.pid")
    deadline=$((SECONDS + timeout))
    while ((SECONDS < deadline)); do
        if ! process_alive "$pgid"; then
            return 1
        fi
        # await_startup returns once the node is up; its own timeout keeps each poll short
        # so that a crashed node is noticed by the check above.
        if rabbitmq_throwaway_ctl "$dir" --quiet await_startup --timeout 10 >/dev/null 2>&1; then
            return 0
        fi
        sleep 1
    done
    return 1
}

# rabbitmq_throwaway_ctl DIR ARGS...: rabbitmqctl against the throwaway node in DIR.
rabbitmq_throwaway_ctl() {
    local dir=$1
    shift
    (
        # shellcheck disable=SC1091
        source "$dir/infra.env"
        exec "${PARTNERSKAB_RABBITMQ_SCRIPTS:-$RABBITMQ_SCRIPTS_DIR_DEFAULT}/rabbitmqctl" \
            -n "$RABBITMQ_NODENAME" "$@"
    )
}

# rabbitmq_throwaway_stop DIR: stop the node, its private epmd, and remove DIR.
rabbitmq_throwaway_stop() {
    local dir=$1
    [[ -d $dir ]] || return 0
    _rabbitmq_kill "$dir"
    rm -rf "$dir"
}

# _rabbitmq_kill DIR: SIGTERM the node's process group (the Erlang VM shuts down cleanly
# on SIGTERM), wait, then SIGKILL whatever is left; then stop the private epmd, which
# Erlang started as a daemon outside that group.
_rabbitmq_kill() {
    local dir=$1 pgid epmd_port waited=0
    if [[ -f $dir/group.pid ]]; then
        pgid=$(cat "$dir/group.pid")
        if group_alive "$pgid"; then
            kill -TERM -- "-$pgid" 2>/dev/null || true
            while group_alive "$pgid" && ((waited < 60)); do
                sleep 0.5
                waited=$((waited + 1))
            done
            if group_alive "$pgid"; then
                infra_log "RabbitMQ in $dir did not stop on SIGTERM; killing it"
                kill -KILL -- "-$pgid" 2>/dev/null || true
            fi
        fi
        # Reap the background subshell if it is our child (no-op otherwise).
        wait "$pgid" 2>/dev/null || true
        rm -f "$dir/group.pid"
    fi
    if [[ -f $dir/infra.env ]]; then
        epmd_port=$(sed -n "s/^export ERL_EPMD_PORT='\(.*\)'$/\1/p" "$dir/infra.env")
        if [[ -n $epmd_port ]] && port_open "$epmd_port"; then
            epmd -port "$epmd_port" -kill >/dev/null 2>&1 || true
        fi
    fi
}

# rabbitmq_cluster_start DIR [N]: N (default 3) throwaway nodes in DIR/node1..N, each with its
# own name, AMQP and distribution ports and data directory, sharing one private epmd and one
# cookie, nodes 2..N joined to node 1. Consumer queues on it are meant to be quorum queues
# (replicated to every node); classic queues would live on one node only.
# Sets THROWAWAY_RABBITMQ_PORTS (the AMQP ports, node 1 first, space-separated).
rabbitmq_cluster_start() {
    local dir=$1 nodes=${2:-3} i first ports=() starts=()
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    local _RABBITMQ_EPMD_PORT _RABBITMQ_COOKIE _RABBITMQ_NODE_TAG
    _RABBITMQ_EPMD_PORT=$(free_port)
    _RABBITMQ_COOKIE=$(_rabbitmq_new_cookie)
    # The nodes boot side by side (a boot takes seconds to a minute); each reports its port and name in a file.
    for ((i = 1; i <= nodes; i++)); do
        (
            _RABBITMQ_NODE_TAG="-node$i"
            rabbitmq_throwaway_start "$dir/node$i"
            printf '%s %s\n' "$THROWAWAY_RABBITMQ_PORT" "$THROWAWAY_RABBITMQ_NODE" >"$dir/node$i.started"
        ) &
        starts+=("$!")
    done
    for i in "${starts[@]}"; do wait "$i" || true; done
    for ((i = 1; i <= nodes; i++)); do
        [[ -s $dir/node$i.started ]] || infra_die "RabbitMQ cluster node $i did not start in $dir/node$i"
        local port node
        read -r port node <"$dir/node$i.started"
        ports+=("$port")
        if ((i == 1)); then
            first=$node
        else
            rabbitmq_throwaway_ctl "$dir/node$i" --quiet stop_app
            rabbitmq_throwaway_ctl "$dir/node$i" --quiet join_cluster "$first"
            rabbitmq_throwaway_ctl "$dir/node$i" --quiet start_app
        fi
    done
    THROWAWAY_RABBITMQ_PORTS="${ports[*]}"
    infra_log "throwaway RabbitMQ cluster of $nodes nodes on ports ${ports[*]} (state in $dir)"
}

# rabbitmq_cluster_stop DIR: stop every node, then their shared epmd, and delete DIR.
rabbitmq_cluster_stop() { _nodes_stop "$1" rabbitmq_throwaway_stop; }

# rabbitmq_node_kill DIR: SIGKILL the node's process group, as a crash would: no goodbye to
# the cluster, no flush.
rabbitmq_node_kill() {
    local dir=$1 pgid
    pgid=$(cat "$dir/group.pid")
    kill -KILL -- "-$pgid" 2>/dev/null || true
    while group_alive "$pgid"; do sleep 0.2; done
}

# rabbitmq_node_restart DIR: start a killed node again with its name, ports and data; it
# rejoins its cluster.
rabbitmq_node_restart() {
    _rabbitmq_launch "$1" || infra_die "RabbitMQ node in $1 did not come back"
}

# _rabbitmq_wipe DIR: remove state from an earlier attempt (after making sure it is dead).
_rabbitmq_wipe() {
    local dir=$1
    _rabbitmq_kill "$dir"
    rm -rf "${dir:?}/home" "$dir/mnesia" "$dir/log" "$dir/plugins-expand" "$dir/infra.env"
}

# --------------------------------------------------------------------------------------
# Throwaway infrastructure for tests and benchmarks
# --------------------------------------------------------------------------------------

# test_infrastructure_start DIR: a private PostgreSQL and RabbitMQ with all state under DIR,
# exported to the .NET test and benchmark code as PARTNERSKAB_TEST_POSTGRES (superuser, trust
# authentication: the password is ignored), PARTNERSKAB_TEST_RABBITMQ_PORT (guest/guest) and
# PARTNERSKAB_TEST_RABBITMQ_DIR (the node's directory, for rabbitmq_throwaway_ctl).
test_infrastructure_start() {
    local dir=$1
    chmod 711 "$dir" # the postgres user must be able to reach DIR/pg
    pg_throwaway_start "$dir/pg"
    rabbitmq_throwaway_start "$dir/rabbitmq"
    export PARTNERSKAB_TEST_POSTGRES="Host=127.0.0.1;Port=$THROWAWAY_PG_PORT;Username=postgres;Password=postgres"
    export PARTNERSKAB_TEST_RABBITMQ_PORT=$THROWAWAY_RABBITMQ_PORT
    export PARTNERSKAB_TEST_RABBITMQ_DIR=$dir/rabbitmq
    infra_log "PARTNERSKAB_TEST_POSTGRES=$PARTNERSKAB_TEST_POSTGRES"
    infra_log "PARTNERSKAB_TEST_RABBITMQ_PORT=$PARTNERSKAB_TEST_RABBITMQ_PORT"
}

# test_infrastructure_stop DIR: stop both and delete DIR.
test_infrastructure_stop() {
    local dir=$1
    pg_throwaway_stop "$dir/pg" || true
    rabbitmq_throwaway_stop "$dir/rabbitmq" || true
    rm -rf "$dir"
}

# --------------------------------------------------------------------------------------
# Fault injection (tests/Partnerskab.FaultTests): take a throwaway server away and bring it
# back with its data, its port and its settings, as an outage would.
# --------------------------------------------------------------------------------------

# pg_throwaway_pause DIR: stop the PostgreSQL in DIR (fast shutdown: sessions are cut off,
# committed data stays).
pg_throwaway_pause() {
    local dir=$1 bindir
    bindir=$(sed -n 's/^bindir=//p' "$dir/infra.env")
    as_postgres "$bindir/pg_ctl" --pgdata="$dir/data" --mode=fast --wait --silent stop
}

# pg_throwaway_resume DIR: start it again with the options of its last start, which
# PostgreSQL keeps in postmaster.opts after the binary and its "-D" "DIR" arguments.
pg_throwaway_resume() {
    local dir=$1 bindir options
    bindir=$(sed -n 's/^bindir=//p' "$dir/infra.env")
    options=$(sed -E 's/^[^ ]+ "-D" "[^"]*" ?//' "$dir/data/postmaster.opts")
    as_postgres "$bindir/pg_ctl" --pgdata="$dir/data" --log="$dir/data/postgres.log" \
        --wait --timeout=60 --silent -o "$options" start
}

# rabbitmq_throwaway_pause DIR / rabbitmq_throwaway_resume DIR: stop and start the RabbitMQ
# application on the node in DIR (its listeners close, every connection is dropped; durable
# queues and persistent messages are kept). The Erlang VM itself keeps running.
rabbitmq_throwaway_pause() { rabbitmq_throwaway_ctl "$1" --quiet stop_app; }
rabbitmq_throwaway_resume() { rabbitmq_throwaway_ctl "$1" --quiet start_app; }
