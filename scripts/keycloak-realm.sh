#!/bin/bash
# Configures a Keycloak 26 realm as docs/operations.md describes: the consent:* client scopes as
# default scopes of a confidential client with a service account, the consent-api audience, and
# tenant_ids as a JSON list. Run after `kcadm.sh config credentials …` against your server.
#   KCADM=/opt/keycloak/bin/kcadm.sh REALM=marketing CLIENT=crm-sync SECRET=… TENANTS='["acme","globex"]' scripts/keycloak-realm.sh
set -euo pipefail
KCADM=${KCADM:-kcadm.sh}
REALM=${REALM:-marketing}
CLIENT=${CLIENT:-crm-sync}
TENANTS=${TENANTS:-'["acme"]'}
: "${SECRET:?set SECRET to the client secret}"
SCOPES=${SCOPES:-"consent:read consent:write consent:decide consent:import consent:audit consent:admin consent:privacy"}

$KCADM get "realms/$REALM" >/dev/null 2>&1 || $KCADM create realms -s realm="$REALM" -s enabled=true
for scope in $SCOPES; do
  $KCADM get client-scopes -r "$REALM" --fields name | grep -q "\"$scope\"" || $KCADM create client-scopes -r "$REALM" \
    -s name="$scope" -s protocol=openid-connect -s 'attributes."include.in.token.scope"=true'
done
id=$($KCADM create clients -r "$REALM" -s clientId="$CLIENT" -s publicClient=false -s serviceAccountsEnabled=true \
  -s standardFlowEnabled=false -s directAccessGrantsEnabled=false -s secret="$SECRET" -i)
for scope in $SCOPES; do
  # default, not optional: Keycloak leaves optional scopes out of a client-credentials token unless asked for
  scope_id=$($KCADM get client-scopes -r "$REALM" --fields id,name --format csv --noquotes | grep ",$scope\$" | cut -d, -f1)
  $KCADM update "clients/$id/default-client-scopes/$scope_id" -r "$REALM"
done
$KCADM create "clients/$id/protocol-mappers/models" -r "$REALM" -s name=consent-api-audience -s protocol=openid-connect \
  -s protocolMapper=oidc-audience-mapper -s 'config."included.custom.audience"=consent-api' -s 'config."access.token.claim"=true'
# the list goes in as a string: given with -s, kcadm would read it as a list and refuse it
value=$(printf '%s' "$TENANTS" | sed 's/"/\\"/g')
printf '{"name": "tenant-ids", "protocol": "openid-connect", "protocolMapper": "oidc-hardcoded-claim-mapper",
 "config": {"claim.name": "tenant_ids", "claim.value": "%s", "jsonType.label": "JSON", "access.token.claim": "true"}}' "$value" \
  | $KCADM create "clients/$id/protocol-mappers/models" -r "$REALM" -f -
echo "client $CLIENT configured in realm $REALM"
