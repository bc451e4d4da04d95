#!/bin/bash
# Configures the operator console's client in a Keycloak 26 realm, as docs/operations.md
# describes: a confidential client for the authorization code flow with PKCE (S256), the
# console's redirect and post-logout URIs, and the ID token claims the console reads (the
# person's tenants from their `tenant_ids` attribute, their realm roles as `roles`). With
# PERSON set, it also creates that person with the given roles and tenants.
#   KCADM=/opt/keycloak/bin/kcadm.sh REALM=marketing CONSOLE_URL=https://console.example.com SECRET=… scripts/keycloak-console.sh
#   … PERSON=marc PASSWORD=… ROLES='marketer' TENANTS='acme' scripts/keycloak-console.sh
set -euo pipefail
KCADM=${KCADM:-kcadm.sh}
REALM=${REALM:-marketing}
CLIENT=${CLIENT:-consent-console}
: "${CONSOLE_URL:?set CONSOLE_URL to where the console is reached, such as https://console.example.com}"
: "${SECRET:?set SECRET to the secret of the console client}"

$KCADM get "realms/$REALM" >/dev/null 2>&1 || $KCADM create realms -s realm="$REALM" -s enabled=true
# the user profile must declare the tenant_ids attribute: Keycloak 24+ drops attributes it does not know
profile=$(mktemp)
$KCADM get "realms/$REALM/users/profile" > "$profile"
python3 - "$profile" <<'PY'
import json, sys
path = sys.argv[1]
profile = json.load(open(path))
if not any(a["name"] == "tenant_ids" for a in profile["attributes"]):
    profile["attributes"].append({"name": "tenant_ids", "displayName": "Tenants", "multivalued": True,
                                  "permissions": {"view": ["admin"], "edit": ["admin"]}})
json.dump(profile, open(path, "w"))
PY
$KCADM update "realms/$REALM/users/profile" -f "$profile"
rm -f "$profile"
for role in marketer compliance auditor admin; do
  $KCADM get "roles/$role" -r "$REALM" >/dev/null 2>&1 || $KCADM create roles -r "$REALM" -s name="$role"
done
id=$($KCADM get clients -r "$REALM" -q clientId="$CLIENT" --fields id --format csv --noquotes)
if [ -z "$id" ]; then
  id=$($KCADM create clients -r "$REALM" -s clientId="$CLIENT" -s publicClient=false -s standardFlowEnabled=true \
    -s directAccessGrantsEnabled=false -s serviceAccountsEnabled=false -s secret="$SECRET" \
    -s "redirectUris=[\"$CONSOLE_URL/console/login/oauth2/code/consent\"]" \
    -s 'attributes."pkce.code.challenge.method"=S256' \
    -s "attributes.\"post.logout.redirect.uris\"=$CONSOLE_URL/console/signed-out" -i)
  $KCADM create "clients/$id/protocol-mappers/models" -r "$REALM" -f - <<JSON
{"name": "tenant-ids", "protocol": "openid-connect", "protocolMapper": "oidc-usermodel-attribute-mapper",
 "config": {"user.attribute": "tenant_ids", "claim.name": "tenant_ids", "multivalued": "true", "jsonType.label": "String",
            "id.token.claim": "true", "access.token.claim": "true", "userinfo.token.claim": "true"}}
JSON
  $KCADM create "clients/$id/protocol-mappers/models" -r "$REALM" -f - <<JSON
{"name": "roles", "protocol": "openid-connect", "protocolMapper": "oidc-usermodel-realm-role-mapper",
 "config": {"claim.name": "roles", "multivalued": "true", "jsonType.label": "String",
            "id.token.claim": "true", "access.token.claim": "true", "userinfo.token.claim": "true"}}
JSON
fi
echo "client $CLIENT configured in realm $REALM"

if [ -n "${PERSON:-}" ]; then
  : "${PASSWORD:?set PASSWORD for $PERSON}"
  tenants=$(printf '%s' "${TENANTS:-acme}" | python3 -c 'import json,sys; print(json.dumps(sys.stdin.read().split()))')
  user=$($KCADM create users -r "$REALM" -s username="$PERSON" -s enabled=true -s emailVerified=true \
    -s firstName="$PERSON" -s lastName=Operator -s email="$PERSON@example.com" -s "attributes.tenant_ids=$tenants" -i)
  $KCADM set-password -r "$REALM" --userid "$user" --new-password "$PASSWORD"
  for role in ${ROLES:-marketer}; do
    $KCADM add-roles -r "$REALM" --uusername "$PERSON" --rolename "$role"
  done
  echo "person $PERSON created with roles ${ROLES:-marketer} on tenants ${TENANTS:-acme}"
fi
