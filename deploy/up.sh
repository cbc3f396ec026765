#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
#
# Brings the whole suite up on this machine and runs the reference scenario against it:
#   - installs what is missing (apt: postgresql, rabbitmq-server, ...),
#   - starts the Debian PostgreSQL cluster (port 5432) and the system RabbitMQ node
#     (port 5672) if they are not running, and notes in deploy/.run/ that it did, so that
#     deploy/down.sh stops only what up.sh started,
#   - ensures the PostgreSQL role `partnerskab` (LOGIN, CREATEDB; each service creates its
#     own database and applies its migrations at start-up),
#   - builds Partnerskab.sln in Release, (re)starts cohort, outcome, payment and the gateway in
#     the background, waits for each /health/ready, runs the scenario, and leaves it all running,
#   - (re)starts the web portal on https://127.0.0.1:5443 and, on the first run, creates one
#     demo account per role, printing their passwords once.
#
# Safe to run again: running services are restarted on the fresh build, the infrastructure
# is left as it is, and the scenario is idempotent.
#
# Secrets (created once, mode 600, git-ignored):
#   deploy/.run/postgres.password  password of the `partnerskab` role. A generated one rather
#                                  than a fixed dev password, because the Debian cluster is a
#                                  shared, long-lived server; up.sh re-applies it every run.
#   deploy/.run/pseudonym.key      cohort's Pseudonym__Key (base64 of 32 random bytes). Losing
#                                  it makes existing pseudonyms unmatchable: back it up.
#   deploy/.run/idempotency.key    the gateway's Idempotency__FingerprintKey (base64 of 32 bytes).
#   deploy/.run/tls/gateway*       the gateway's local CA certificate (gateway-ca.crt, which
#                                  clients trust) and its certificate and key for localhost.
#   deploy/.run/keys/              signing keys (`partnerskab token keys`): trusted.jwks, which
#                                  every service trusts, each service's own key for its calls, and
#                                  the token tool's key, from which the scenario gets its token,
#                                  and the portal's key, with which it signs its calls for people.
#   deploy/.run/tls/               the portal's self-signed certificate (portal.crt, portal.key).
#   deploy/.run/portal-accounts    the demo accounts' user names and passwords (one per role).
#
# RabbitMQ: the services use the broker's default guest/guest account on vhost "/", which
# RabbitMQ accepts only from localhost; that is all a local deployment needs.
#
# Optional environment: OTEL_EXPORTER_OTLP_ENDPOINT (passed on to the services),
# PARTNERSKAB_READY_TIMEOUT (seconds to wait for each service, default 120).
#
# Option: --recreate-databases drops and recreates the suite's databases whose migration history
# this checkout cannot carry forward (made before the migrations were squashed into one initial
# migration per service, or by a newer checkout). Without it, up.sh names them and stops.
set -euo pipefail

RECREATE_DATABASES=0
for argument in "$@"; do
    case $argument in
        --recreate-databases) RECREATE_DATABASES=1 ;;
        *) echo "usage: deploy/up.sh [--recreate-databases]" >&2; exit 2 ;;
    esac
done

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=lib/infra.sh
source "$ROOT/deploy/lib/infra.sh"
# shellcheck source=env.sh
source "$ROOT/deploy/env.sh"
# shellcheck source=lib/services.sh
source "$ROOT/deploy/lib/services.sh"
# shellcheck source=lib/gateway.sh
source "$ROOT/deploy/lib/gateway.sh"

READY_TIMEOUT=${PARTNERSKAB_READY_TIMEOUT:-120}
SCENARIO_DLL=$ROOT/deploy/Partnerskab.Scenario/bin/Release/net10.0/Partnerskab.Scenario.dll
CLI_DLL=$ROOT/clients/Partnerskab.Cli/bin/Release/net10.0/partnerskab.dll
KEYS_DIR=$PARTNERSKAB_RUN_DIR/keys
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

[[ $(id -u) -eq 0 ]] || infra_die "run as root: up.sh starts the system PostgreSQL and RabbitMQ"
command -v dotnet >/dev/null || infra_die "dotnet (SDK 10) is not installed; see https://dot.net"
ensure_packages

mkdir -p "$PARTNERSKAB_RUN_DIR"
chmod 700 "$PARTNERSKAB_RUN_DIR"

# create_secret FILE COMMAND...: write COMMAND's output to FILE (mode 600) unless it exists.
create_secret() {
    local file=$1
    shift
    if [[ ! -s $file ]]; then
        (umask 077 && "$@" >"$file.tmp" && mv "$file.tmp" "$file")
        infra_log "created secret $file"
    fi
}
# Hex, so the password needs no quoting in SQL or in a connection string.
create_secret "$PARTNERSKAB_RUN_DIR/postgres.password" openssl rand -hex 24
create_secret "$PARTNERSKAB_RUN_DIR/pseudonym.key" openssl rand -base64 32
create_secret "$PARTNERSKAB_RUN_DIR/idempotency.key" openssl rand -base64 32
ensure_gateway_tls
PG_PASSWORD=$(<"$PARTNERSKAB_RUN_DIR/postgres.password")
PSEUDONYM_KEY=$(<"$PARTNERSKAB_RUN_DIR/pseudonym.key")

# --------------------------------------------------------------------------------------
# PostgreSQL: the Debian cluster
# --------------------------------------------------------------------------------------
start_postgres() {
    local version=${PARTNERSKAB_PG_CLUSTER%/*} cluster=${PARTNERSKAB_PG_CLUSTER#*/} port
    if ! pg_lsclusters -h "$version" "$cluster" >/dev/null 2>&1; then
        infra_log "creating PostgreSQL cluster $version/$cluster"
        pg_createcluster "$version" "$cluster"
    fi
    port=$(pg_lsclusters -h "$version" "$cluster" | awk '{print $3}')
    [[ $port == "$PARTNERSKAB_PG_PORT" ]] ||
        infra_die "cluster $version/$cluster listens on port $port, expected $PARTNERSKAB_PG_PORT"
    if pg_ctlcluster "$version" "$cluster" status >/dev/null 2>&1; then
        infra_log "PostgreSQL $version/$cluster already running on port $port"
    else
        infra_log "starting PostgreSQL $version/$cluster"
        # pg_ctlcluster goes through systemctl by itself when systemd runs.
        pg_ctlcluster "$version" "$cluster" start
        echo "$version/$cluster" >"$PARTNERSKAB_RUN_DIR/started-postgresql"
    fi

    # Role: create if missing, then (re)apply attributes and password. SQL comes on stdin
    # so the password never shows in the process list.
    as_postgres psql --port="$port" --no-psqlrc --quiet --set=ON_ERROR_STOP=1 \
        --dbname=postgres >/dev/null <<SQL
SELECT NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PARTNERSKAB_PG_ROLE') AS role_missing \gset
\if :role_missing
CREATE ROLE $PARTNERSKAB_PG_ROLE;
\endif
ALTER ROLE $PARTNERSKAB_PG_ROLE WITH LOGIN CREATEDB PASSWORD '$PG_PASSWORD';
SQL
    infra_log "PostgreSQL role $PARTNERSKAB_PG_ROLE ready (LOGIN CREATEDB)"
}

# --------------------------------------------------------------------------------------
# RabbitMQ: the system node (rabbit@<short hostname>, data in /var/lib/rabbitmq)
# --------------------------------------------------------------------------------------
start_rabbitmq() {
    local server_pid=
    if system_rabbitmq_running; then
        infra_log "RabbitMQ already running"
    else
        if port_open "$PARTNERSKAB_RABBITMQ_PORT"; then
            infra_die "port $PARTNERSKAB_RABBITMQ_PORT is taken by something that is not the system RabbitMQ node"
        fi
        if system_has_systemd; then
            infra_log "starting RabbitMQ (systemctl)"
            systemctl start rabbitmq-server
            echo systemd >"$PARTNERSKAB_RUN_DIR/started-rabbitmq"
        else
            # No init system (containers, this kind of VM; apt's postinst could not start it
            # either). The Debian wrapper switches to the rabbitmq user. Rather than
            # `-detached`, which throws away early boot errors (e.g. a port in use), run it
            # in the background in its own session and keep its output.
            infra_log "starting RabbitMQ (rabbitmq-server in the background)"
            setsid nohup rabbitmq-server </dev/null >"$PARTNERSKAB_RUN_DIR/rabbitmq-server.out" 2>&1 &
            server_pid=$!
            disown "$server_pid"
            echo background >"$PARTNERSKAB_RUN_DIR/started-rabbitmq"
        fi
    fi
    # await_startup fails at once while the node is not reachable at all (a moment after
    # the start it has not registered with epmd yet), so first wait for ping to answer,
    # then for the boot to finish (all boot steps ran, listeners up).
    local deadline=$((SECONDS + 120)) ready=0
    while ((SECONDS < deadline)); do
        if system_rabbitmq_running && rabbitmqctl --quiet await_startup --timeout 60 >/dev/null 2>&1; then
            ready=1
            break
        fi
        if [[ -n $server_pid ]] && ! process_alive "$server_pid"; then
            break # the node died during boot
        fi
        sleep 1
    done
    if [[ $ready -eq 0 ]]; then
        if [[ -n $server_pid ]]; then
            tail -n 20 "$PARTNERSKAB_RUN_DIR/rabbitmq-server.out" >&2 || true
            # Nothing left for down.sh to stop if the node died.
            process_alive "$server_pid" || rm -f "$PARTNERSKAB_RUN_DIR/started-rabbitmq"
        else
            tail -n 20 "/var/log/rabbitmq/rabbit@$(hostname -s).log" >&2 || true
        fi
        infra_die "RabbitMQ did not come up (output above; see also /var/log/rabbitmq/)"
    fi
    port_open "$PARTNERSKAB_RABBITMQ_PORT" ||
        infra_die "RabbitMQ runs but does not listen on $PARTNERSKAB_RABBITMQ_PORT (check /etc/rabbitmq)"
    infra_log "RabbitMQ ready on port $PARTNERSKAB_RABBITMQ_PORT"
}

# --------------------------------------------------------------------------------------
# Services
# --------------------------------------------------------------------------------------
start_service() {
    local name=$1 dll grpc_port http_port
    dll=$(service_dll "$name")
    [[ -f $dll ]] || infra_die "$dll not found after the build"
    read -r grpc_port http_port <<<"${PARTNERSKAB_PORTS[$name]}"
    local port
    for port in "$grpc_port" "$http_port"; do
        if port_open "$port"; then
            infra_die "port $port ($name) is taken by another process"
        fi
    done

    infra_log "starting $name (gRPC $grpc_port, HTTP $http_port)"
    (
        export Service__ListenAddress=127.0.0.1
        export Service__GrpcPort=$grpc_port
        export Service__HttpPort=$http_port
        export ConnectionStrings__Database="Host=127.0.0.1;Port=$PARTNERSKAB_PG_PORT;Database=partnerskab_$name;Username=$PARTNERSKAB_PG_ROLE;Password=$PG_PASSWORD"
        export RabbitMq__Host=127.0.0.1
        export RabbitMq__Port=$PARTNERSKAB_RABBITMQ_PORT
        export RabbitMq__VirtualHost=/
        export RabbitMq__Username=guest
        export RabbitMq__Password=guest
        export Auth__TrustedKeysFile=$KEYS_DIR/trusted.jwks
        export Auth__ServiceKeyFile=$KEYS_DIR/partnerskab-service-$name.jwk
        case $name in
            cohort) export Pseudonym__Key=$PSEUDONYM_KEY ;;
            outcome) export Services__CohortUrl=$COHORT_URL ;;
            gateway) gateway_environment "$grpc_port" ;;
        esac
        # The content root (appsettings.json) is the working directory.
        cd "$(dirname "$dll")"
        # setsid: own session, so neither Ctrl-C in this terminal nor its closing (nohup)
        # takes the service down. Both exec, so $! below is the dotnet process itself.
        exec nohup setsid dotnet "$dll" </dev/null >"$PARTNERSKAB_RUN_DIR/$name.log" 2>&1
    ) &
    echo "$!" >"$PARTNERSKAB_RUN_DIR/$name.pid"
    # Not a job of this script: no "Aborted ..." job report from bash if it dies; a crash
    # is reported by wait_ready with the log tail instead.
    disown "$!"
}

# wait_ready NAME: poll /health/ready until 200; on timeout or crash show the log tail and
# stop (services already up stay up for inspection; deploy/down.sh stops them).
wait_ready() {
    local name=$1 http_port deadline code=000
    read -r _ http_port <<<"${PARTNERSKAB_PORTS[$name]}"
    deadline=$((SECONDS + READY_TIMEOUT))
    while ((SECONDS < deadline)); do
        if ! service_pid "$name" >/dev/null; then
            infra_log "$name exited during start-up; last lines of $PARTNERSKAB_RUN_DIR/$name.log:"
            tail -n 40 "$PARTNERSKAB_RUN_DIR/$name.log" >&2 || true
            infra_die "$name did not start"
        fi
        code=$(curl --silent --output /dev/null --write-out '%{http_code}' --max-time 3 \
            "http://127.0.0.1:$http_port/health/ready" || true)
        if [[ $code == 200 ]]; then
            infra_log "$name ready"
            return 0
        fi
        sleep 1
    done
    infra_log "$name not ready after ${READY_TIMEOUT}s (last /health/ready status: $code); last lines of $PARTNERSKAB_RUN_DIR/$name.log:"
    tail -n 40 "$PARTNERSKAB_RUN_DIR/$name.log" >&2 || true
    infra_die "$name did not become ready"
}

# --------------------------------------------------------------------------------------
# The portal
# --------------------------------------------------------------------------------------
portal_environment() {
    export Service__ListenAddress=127.0.0.1
    export Service__HttpPort=$PARTNERSKAB_PORTAL_HEALTH_PORT
    export Portal__HttpsPort=$PARTNERSKAB_PORTAL_PORT
    export ConnectionStrings__Database="Host=127.0.0.1;Port=$PARTNERSKAB_PG_PORT;Database=partnerskab_portal;Username=$PARTNERSKAB_PG_ROLE;Password=$PG_PASSWORD"
    export Portal__CohortUrl=$COHORT_URL Portal__OutcomeUrl=$OUTCOME_URL Portal__PaymentUrl=$PAYMENT_URL
    export Portal__SigningKeyFile=$KEYS_DIR/partnerskab-portal.jwk
    # The operator's page lists and replays parked messages through the broker (guest: local only).
    export Portal__RabbitMqUri=amqp://guest:guest@127.0.0.1:$PARTNERSKAB_RABBITMQ_PORT/
    export Portal__CertificateFile=$PARTNERSKAB_RUN_DIR/tls/portal.crt
    export Portal__CertificateKeyFile=$PARTNERSKAB_RUN_DIR/tls/portal.key
    # Uploads run as the gateway's bulk jobs; its certificate is signed by the local CA.
    export Portal__GatewayUrl=$GATEWAY_URL
    export Portal__TrustedCertificateFile=$PARTNERSKAB_RUN_DIR/tls/gateway-ca.crt
    export Portal__ChromiumPath
    Portal__ChromiumPath=$(command -v chromium)
}

start_portal() {
    local dll
    dll=$(service_dll portal)
    local port
    for port in "$PARTNERSKAB_PORTAL_PORT" "$PARTNERSKAB_PORTAL_HEALTH_PORT"; do
        if port_open "$port"; then
            infra_die "port $port (portal) is taken by another process"
        fi
    done
    if [[ ! -s $PARTNERSKAB_RUN_DIR/tls/portal.key ]]; then
        mkdir -p "$PARTNERSKAB_RUN_DIR/tls"
        (umask 077 && openssl req -x509 -newkey rsa:3072 -nodes -days 825 -subj /CN=localhost \
            -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
            -keyout "$PARTNERSKAB_RUN_DIR/tls/portal.key" -out "$PARTNERSKAB_RUN_DIR/tls/portal.crt" 2>/dev/null)
        infra_log "created the portal's self-signed certificate $PARTNERSKAB_RUN_DIR/tls/portal.crt"
    fi
    infra_log "starting portal (HTTPS $PARTNERSKAB_PORTAL_PORT, HTTP $PARTNERSKAB_PORTAL_HEALTH_PORT)"
    (
        portal_environment
        cd "$(dirname "$dll")"
        exec nohup setsid dotnet "$dll" </dev/null >"$PARTNERSKAB_RUN_DIR/portal.log" 2>&1
    ) &
    echo "$!" >"$PARTNERSKAB_RUN_DIR/portal.pid"
    disown "$!"
    local deadline=$((SECONDS + READY_TIMEOUT)) code=000
    while ((SECONDS < deadline)); do
        service_pid portal >/dev/null || { tail -n 40 "$PARTNERSKAB_RUN_DIR/portal.log" >&2; infra_die "portal did not start"; }
        code=$(curl --silent --output /dev/null --write-out '%{http_code}' --max-time 3 \
            "http://127.0.0.1:$PARTNERSKAB_PORTAL_HEALTH_PORT/health/ready" || true)
        [[ $code == 200 ]] && { infra_log "portal ready"; return 0; }
        sleep 1
    done
    tail -n 40 "$PARTNERSKAB_RUN_DIR/portal.log" >&2 || true
    infra_die "portal did not become ready (last /health/ready status: $code)"
}

# create_demo_accounts: one account per role, on the first run only; the passwords are kept in
# deploy/.run/portal-accounts (mode 600) and printed once. The provider's account acts for the
# scenario's provider, every other for Haderslev Kommune; all for every partnership.
create_demo_accounts() {
    local accounts=$PARTNERSKAB_RUN_DIR/portal-accounts role password org
    [[ -s $accounts ]] && return 0
    (umask 077 && : >"$accounts.tmp")
    for role in kommune provider finance committee investor auditor operator administrator; do
        password="Demo-$(openssl rand -hex 12)"
        org=29189757
        [[ $role == provider ]] && org=12345678
        (
            portal_environment
            cd "$(dirname "$(service_dll portal)")"
            dotnet Partnerskab.Portal.dll add-account --user "demo-$role" --name "Demo $role" --org "$org" \
                --roles "$role" --partnerships '*' <<<"$password" >/dev/null
        ) || infra_die "could not create the demo account demo-$role"
        printf '%-22s %s\n' "demo-$role" "$password" >>"$accounts.tmp"
    done
    mv "$accounts.tmp" "$accounts"
    infra_log "created the portal's demo accounts (user name, password), kept in $accounts:"
    cat "$accounts"
}

# --------------------------------------------------------------------------------------
# Databases whose migration history this checkout cannot carry forward
# --------------------------------------------------------------------------------------
# A database that applied a migration this checkout does not have is refused by its service at
# start-up; finding it here says so before anything is built.
check_schema_histories() {
    local db applied id stale=()
    for db in cohort outcome payment gateway portal; do
        applied=$(as_postgres psql --port="$PARTNERSKAB_PG_PORT" --no-psqlrc -XtA --dbname="partnerskab_$db" \
            --command='SELECT migration_id FROM "__EFMigrationsHistory"' 2>/dev/null) || continue
        for id in $applied; do
            if [[ -z $(find "services/$db" -path '*/Migrations/*' -name "$id.cs" -print -quit) ]]; then
                stale+=("$db")
                break
            fi
        done
    done
    ((${#stale[@]} > 0)) || return 0
    if ((RECREATE_DATABASES == 0)); then
        infra_die "the databases of ${stale[*]} were made by migrations this checkout does not have (an earlier schema history, since squashed, or a newer checkout); run deploy/up.sh --recreate-databases to drop and recreate them (their data is lost), or restore a backup made by this checkout"
    fi
    for db in "${stale[@]}"; do
        infra_log "dropping partnerskab_$db (its service recreates it)"
        as_postgres dropdb --port="$PARTNERSKAB_PG_PORT" --force "partnerskab_$db"
        # The demo accounts lived in the portal's database: made again on this run.
        if [[ $db == portal ]]; then rm -f "$PARTNERSKAB_RUN_DIR/portal-accounts"; fi
    done
}

# --------------------------------------------------------------------------------------
start_postgres
start_rabbitmq

# Stop the portal and the services of an earlier run before the build overwrites their binaries.
stop_service portal
for name in "${PARTNERSKAB_SERVICES[@]}"; do
    stop_service "$name"
done
check_schema_histories

infra_log "dotnet build Partnerskab.sln -c Release"
dotnet build Partnerskab.sln -c Release --nologo
if [[ ! -f $SCENARIO_DLL ]]; then
    # In case the scenario project is not part of the solution.
    dotnet build deploy/Partnerskab.Scenario/Partnerskab.Scenario.csproj -c Release --nologo
fi

dotnet "$CLI_DLL" token keys --dir "$KEYS_DIR" >/dev/null

for name in "${PARTNERSKAB_SERVICES[@]}"; do
    start_service "$name"
done
for name in "${PARTNERSKAB_SERVICES[@]}"; do
    wait_ready "$name"
done

infra_log "running the reference scenario"
scenario_rc=0
PARTNERSKAB_TOKEN=$(dotnet "$CLI_DLL" token issue --dir "$KEYS_DIR" --subject reference-scenario \
    --role kommune,provider,finance,operator --partnerships '*' --hours 1) \
    dotnet "$SCENARIO_DLL" 2>&1 | tee "$PARTNERSKAB_RUN_DIR/scenario.log" || scenario_rc=$?

start_portal
create_demo_accounts

cat <<EOF

Partnerskab is running (stop it with deploy/down.sh):
  portal    $PORTAL_URL  (self-signed certificate; demo accounts in $PARTNERSKAB_RUN_DIR/portal-accounts)
            health http://127.0.0.1:$PARTNERSKAB_PORTAL_HEALTH_PORT/health/ready
  cohort    gRPC $COHORT_URL   health http://127.0.0.1:5180/health/ready
  outcome   gRPC $OUTCOME_URL   health http://127.0.0.1:5280/health/ready
  payment   gRPC $PAYMENT_URL   health http://127.0.0.1:5380/health/ready
  gateway   REST and gRPC $GATEWAY_URL   API page $GATEWAY_URL/api   health http://127.0.0.1:8480/health/ready
            its certificate is signed by a local CA; trust $PARTNERSKAB_RUN_DIR/tls/gateway-ca.crt, e.g.
            curl --cacert $PARTNERSKAB_RUN_DIR/tls/gateway-ca.crt -H "Authorization: Bearer \$(dotnet $CLI_DLL token issue --dir $KEYS_DIR --role kommune --partnerships '*' --hours 1)" $GATEWAY_URL/v1/partnerships
  PostgreSQL 127.0.0.1:$PARTNERSKAB_PG_PORT  role $PARTNERSKAB_PG_ROLE, databases partnerskab_{cohort,outcome,payment,gateway,portal}
  RabbitMQ   127.0.0.1:$PARTNERSKAB_RABBITMQ_PORT  guest/guest, vhost /
  logs, pid files, secrets: $PARTNERSKAB_RUN_DIR/
  tokens: dotnet $CLI_DLL token issue --dir $KEYS_DIR --role <roles> --partnerships <ids|*>
  to run the scenario again: source deploy/env.sh && PARTNERSKAB_TOKEN=<token> dotnet $SCENARIO_DLL
EOF

if [[ $scenario_rc -ne 0 ]]; then
    infra_die "the scenario failed (exit $scenario_rc); see the output above and the service logs"
fi
