# shellcheck shell=bash
#
# Helpers for the locally deployed service processes, shared by deploy/up.sh and
# deploy/down.sh. Needs deploy/env.sh and deploy/lib/infra.sh sourced first.
#
# Each service NAME runs as `dotnet <dll>` with its pid in deploy/.run/NAME.pid and its
# output in deploy/.run/NAME.log.

# service_dll NAME: absolute path of the service's Release build output.
service_dll() {
    local name=$1 project
    project=$(service_project "$name")
    printf '%s/%s/bin/Release/net10.0/%s.dll\n' "$PARTNERSKAB_ROOT" "$project" "${project##*/}"
}

# service_pid NAME: print the pid if the service recorded in the pid file is still that
# service (the pid may have been reused by an unrelated process since); else fail.
service_pid() {
    local name=$1 pid_file pid
    pid_file=$PARTNERSKAB_RUN_DIR/$name.pid
    [[ -s $pid_file ]] || return 1
    pid=$(<"$pid_file")
    process_alive "$pid" || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF "$(basename "$(service_dll "$name")")" || return 1
    printf '%s\n' "$pid"
}

# stop_service NAME: SIGTERM (graceful; the services allow themselves 20 s to drain), then
# SIGKILL after 30 s.
stop_service() {
    local name=$1 pid waited=0
    if pid=$(service_pid "$name"); then
        infra_log "stopping $name (pid $pid)"
        kill -TERM "$pid" 2>/dev/null || true
        while process_alive "$pid" && ((waited < 60)); do
            sleep 0.5
            waited=$((waited + 1))
        done
        if process_alive "$pid"; then
            infra_log "$name did not stop within 30 s; killing it"
            kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
    rm -f "$PARTNERSKAB_RUN_DIR/$name.pid"
}

# system_has_systemd: true when systemd is PID 1 (then services are started through it).
system_has_systemd() {
    [[ -d /run/systemd/system ]]
}

# system_rabbitmq_running: true if the system node (rabbit@<short hostname>) answers.
# The /usr/sbin/rabbitmq* commands are Debian wrappers that switch to the rabbitmq user,
# so the node and the CLI share /var/lib/rabbitmq/.erlang.cookie.
system_rabbitmq_running() {
    rabbitmq-diagnostics --quiet ping >/dev/null 2>&1
}
