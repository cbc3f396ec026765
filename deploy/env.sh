# shellcheck shell=bash disable=SC2034 # the variables are for the sourcing script
#
# The fixed local topology used by deploy/up.sh and deploy/down.sh. Source it to talk to
# a running local deployment by hand, e.g.
#   source deploy/env.sh && dotnet deploy/Partnerskab.Scenario/bin/Release/net10.0/Partnerskab.Scenario.dll
#
# Secrets are not here: they live in deploy/.run/ (git-ignored, mode 600), created by up.sh.

PARTNERSKAB_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PARTNERSKAB_RUN_DIR=$PARTNERSKAB_ROOT/deploy/.run

# service name -> "grpc_port http_port"
declare -A PARTNERSKAB_PORTS=(
    [cohort]="5101 5180"
    [outcome]="5201 5280"
    [payment]="5301 5380"
    [gateway]="8443 8480" # the public HTTPS port (REST and gRPC), and health
)
# Start order matters only a little: outcome calls cohort (Services__CohortUrl); the gateway,
# last, is ready once the three services answer.
PARTNERSKAB_SERVICES=(cohort outcome payment gateway)

# The web portal for people: pages on HTTPS (a self-signed certificate in deploy/.run/tls/),
# health checks on plain HTTP.
PARTNERSKAB_PORTAL_PORT=5443
PARTNERSKAB_PORTAL_HEALTH_PORT=5480
export PORTAL_URL=https://127.0.0.1:$PARTNERSKAB_PORTAL_PORT

PARTNERSKAB_PG_CLUSTER=${PARTNERSKAB_PG_CLUSTER:-15/main} # Debian cluster, port 5432
PARTNERSKAB_PG_PORT=5432
PARTNERSKAB_PG_ROLE=partnerskab
PARTNERSKAB_RABBITMQ_PORT=5672

# The scenario (and anyone else) reaches the services here.
export COHORT_URL=http://127.0.0.1:5101
export OUTCOME_URL=http://127.0.0.1:5201
export PAYMENT_URL=http://127.0.0.1:5301
# Systems reach the suite here (trust deploy/.run/tls/gateway-ca.crt).
export GATEWAY_URL=https://localhost:8443

# service_project NAME: the project directory of a service, relative to the repo root.
service_project() {
    local name=$1
    printf 'services/%s/Partnerskab.%s\n' "$name" "${name^}"
}
