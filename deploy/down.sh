#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
#
# Stops what deploy/up.sh started: the portal, the gateway and the three services (pid files in deploy/.run/), and the
# system RabbitMQ node and PostgreSQL cluster only if up.sh was the one that started them
# (deploy/.run/started-rabbitmq, deploy/.run/started-postgresql). Data, logs and secrets
# stay; safe to run when nothing is running.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=lib/infra.sh
source "$ROOT/deploy/lib/infra.sh"
# shellcheck source=env.sh
source "$ROOT/deploy/env.sh"
# shellcheck source=lib/services.sh
source "$ROOT/deploy/lib/services.sh"

# Reverse start order: the portal and the gateway call the services; payment and outcome depend on cohort.
stop_service portal
for ((i = ${#PARTNERSKAB_SERVICES[@]} - 1; i >= 0; i--)); do
    stop_service "${PARTNERSKAB_SERVICES[i]}"
done

marker=$PARTNERSKAB_RUN_DIR/started-rabbitmq
if [[ -f $marker ]]; then
    how=$(<"$marker")
    infra_log "stopping RabbitMQ (started by up.sh, $how)"
    if [[ $how == systemd ]]; then
        systemctl stop rabbitmq-server
    else
        # `stop` returns once the shutdown has begun; the VM exits a few seconds later. Its
        # pid is in the default pid file of the Debian node (mnesia dir + .pid).
        pid_file="/var/lib/rabbitmq/mnesia/rabbit@$(hostname -s).pid"
        pid=$(cat "$pid_file" 2>/dev/null || true)
        rabbitmqctl --quiet stop || infra_log "warning: rabbitmqctl stop failed (already stopped?)"
        for _ in {1..60}; do
            if [[ -n $pid ]] && process_alive "$pid"; then
                sleep 1
            elif system_rabbitmq_running; then
                sleep 1
            else
                break
            fi
        done
        if system_rabbitmq_running; then
            infra_log "warning: RabbitMQ still answers 60 s after rabbitmqctl stop"
        fi
    fi
    rm -f "$marker"
else
    infra_log "leaving RabbitMQ alone (not started by up.sh)"
fi

marker=$PARTNERSKAB_RUN_DIR/started-postgresql
if [[ -f $marker ]]; then
    cluster=$(<"$marker")
    infra_log "stopping PostgreSQL $cluster (started by up.sh)"
    pg_ctlcluster "${cluster%/*}" "${cluster#*/}" stop ||
        infra_log "warning: pg_ctlcluster stop failed (already stopped?)"
    rm -f "$marker"
else
    infra_log "leaving PostgreSQL alone (not started by up.sh)"
fi
infra_log "down"
