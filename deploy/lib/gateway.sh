# shellcheck shell=bash
#
# The gateway in a local deployment, for deploy/up.sh: its TLS certificate and its settings.
# Needs deploy/env.sh and deploy/lib/infra.sh sourced first.

# ensure_gateway_tls: once, a local certificate authority and a certificate for localhost and
# 127.0.0.1 signed by it, in deploy/.run/tls (mode 600). Clients trust gateway-ca.crt
# (curl --cacert deploy/.run/tls/gateway-ca.crt). The authority's private key is deleted as
# soon as it has signed, so the authority can vouch for nothing else if it is trusted widely.
ensure_gateway_tls() {
    local dir=$PARTNERSKAB_RUN_DIR/tls
    if [[ -s $dir/gateway.crt && -s $dir/gateway.key && -s $dir/gateway-ca.crt ]]; then
        return 0
    fi
    mkdir -p "$dir"
    chmod 700 "$dir"
    (
        umask 077
        cd "$dir"
        openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 3650 \
            -subj "/CN=Partnerskab local gateway CA" \
            -addext "basicConstraints=critical,CA:TRUE,pathlen:0" -addext "keyUsage=critical,keyCertSign,cRLSign" \
            -keyout gateway-ca.key -out gateway-ca.crt 2>/dev/null
        openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=localhost" \
            -keyout gateway.key -out gateway.csr 2>/dev/null
        printf '%s\n' "subjectAltName=DNS:localhost,DNS:gateway,IP:127.0.0.1" "basicConstraints=critical,CA:FALSE" \
            "keyUsage=critical,digitalSignature" "extendedKeyUsage=serverAuth" >gateway.ext
        openssl x509 -req -in gateway.csr -CA gateway-ca.crt -CAkey gateway-ca.key -CAcreateserial \
            -days 825 -extfile gateway.ext -out gateway.crt 2>/dev/null
        rm -f gateway-ca.key gateway-ca.srl gateway.csr gateway.ext
    ) || infra_die "could not create the gateway's certificate in $dir"
    infra_log "created the gateway's local CA and certificate in $dir (trust $dir/gateway-ca.crt)"
}

# gateway_environment HTTPS_PORT: the gateway's settings beyond those every process gets.
gateway_environment() {
    export Gateway__HttpsPort=$1
    export Gateway__CertificatePath=$PARTNERSKAB_RUN_DIR/tls/gateway.crt
    export Gateway__CertificateKeyPath=$PARTNERSKAB_RUN_DIR/tls/gateway.key
    export Gateway__CohortUrl=$COHORT_URL Gateway__OutcomeUrl=$OUTCOME_URL Gateway__PaymentUrl=$PAYMENT_URL
    export Gateway__SigningKeyFile=$KEYS_DIR/partnerskab-gateway.jwk
    export Idempotency__FingerprintKey
    Idempotency__FingerprintKey=$(<"$PARTNERSKAB_RUN_DIR/idempotency.key")
}
