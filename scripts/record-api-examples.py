#!/usr/bin/env python3
"""Records a request and a response example for every operation of the API from a running
service on the embedded default (./mvnw -pl consent-embedded -am spring-boot:run), into
adapters-rest/src/main/resources/openapi/examples.json. ApiDocumentation puts them into the
OpenAPI document; ApiDocumentationTest validates each against its schema. Run it again after an
API change:  python3 scripts/record-api-examples.py [http://localhost:8080]
"""
import base64, json, sys, time, urllib.error, urllib.parse, urllib.request, uuid

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://localhost:8080"
T = "/api/v1/tenants/acme"
OUT = "adapters-rest/src/main/resources/openapi/examples.json"


def token(client, scopes):
    body = urllib.parse.urlencode({"grant_type": "client_credentials", "scope": scopes}).encode()
    auth = base64.b64encode(f"{client}:{client}-secret".encode()).decode()
    req = urllib.request.Request(BASE + "/oauth2/token", body, {"Authorization": "Basic " + auth,
                                                               "Content-Type": "application/x-www-form-urlencoded"})
    return json.load(urllib.request.urlopen(req))["access_token"]


ADMIN = token("demo-admin", "consent:admin consent:read consent:write consent:decide consent:audit consent:import")
AUDITOR = token("demo-auditor", "consent:audit consent:privacy")


def call(method, path, body=None, content_type="application/json", tok=ADMIN, headers=None, raw=None):
    data = raw if raw is not None else (None if body is None else
                                        (body if isinstance(body, bytes) else json.dumps(body).encode()))
    h = {"Authorization": "Bearer " + tok} if tok else {}
    if data is not None:
        h["Content-Type"] = content_type
    h.update(headers or {})
    req = urllib.request.Request(BASE + path, data, h, method=method)
    try:
        with urllib.request.urlopen(req) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read(), dict(r.headers)
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read(), dict(e.headers)


examples = {}


def record(op, method, path, body=None, content_type="application/json", request_example=None, **kw):
    status, ctype, payload, headers = call(method, path, body, content_type, **kw)
    assert 200 <= status < 300, f"{op}: {status} {payload[:400]}"
    text = payload.decode("utf-8", "replace")
    if "json" in ctype and "ndjson" not in ctype:
        response = json.loads(text)
    else:
        response = text
    entry = {"status": status, "responseType": ctype.split(";")[0], "response": response}
    if request_example is not None or body is not None:
        entry["request"] = request_example if request_example is not None else body
        entry["requestType"] = content_type
    examples[op] = entry
    return response, headers


P = "newsletter-eu"
ann = "ann.martin@example.com"
profile = {"id": P, "name": "Newsletters (EU)", "companyAddress": "1 rue de la Paix, 75002 Paris",
           "purposes": [{"id": "newsletter", "name": "Newsletter", "type": "COMMERCIAL",
                         "models": {"EMAIL": "RESTRICTIVE", "SMS": "RESTRICTIVE"}, "consentLifetime": "P24M",
                         "renewOnEngagement": True,
                         "topics": [{"id": "shoes", "name": "Shoes"}, {"id": "bags", "name": "Bags"}]},
                        {"id": "partners", "name": "Partner offers", "type": "COMMERCIAL", "partner": "Globex Retail",
                         "models": {"EMAIL": "RESTRICTIVE"}}]}
record("createProfile", "POST", T + "/profiles", profile)
record("listProfiles", "GET", T + "/profiles")
stored, h = record("getProfile", "GET", T + f"/profiles/{P}")
etag = h.get("ETag")
revision = {k: stored[k] for k in ("name", "companyAddress", "purposes")}
revision["name"] = "Newsletters (EU and UK)"
record("reviseProfile", "PUT", T + f"/profiles/{P}", revision, headers={"If-Match": etag})
record("dryRunModelChange", "POST", T + f"/profiles/{P}/dry-run",
       {"purposeId": "newsletter", "channel": "EMAIL", "model": "NON_RESTRICTIVE"})
capture = {"profileId": P, "channel": "EMAIL", "address": ann, "purposeId": "newsletter", "state": "OPTED_IN",
           "capturedAt": "2026-11-20T09:30:00Z", "source": "FORM",
           "evidence": {"formId": "footer-signup", "wordingVersion": "2026-10", "clientAddress": "203.0.113.7"}}
record("captureConsent", "POST", T + "/consents", capture, headers={"Idempotency-Key": str(uuid.uuid4())})
record("captureConsents", "POST", T + "/consents/batch", {"items": [
    dict(capture, address="bob.durand@example.com", topicId="shoes", source="API", evidence=None),
    dict(capture, channel="SMS", address="+33612345678", state="OPTED_OUT", source="API", evidence=None)]})
record("reportEngagement", "POST", T + "/consents/engagement",
       {"profileId": P, "channel": "EMAIL", "address": ann, "purposeId": "newsletter", "engagedAt": "2026-11-25T18:02:00Z"})
record("lookUpConsents", "POST", T + "/consents/lookup", {"channel": "EMAIL", "address": ann, "profileId": P})
record("issueReceipt", "POST", T + "/consents/receipt",
       {"profileId": P, "channel": "EMAIL", "address": ann, "purposeId": "newsletter"})
record("flagMinor", "PUT", T + "/contact-points/minor",
       {"channel": "EMAIL", "address": "leo.petit@example.com", "minor": True, "birthDate": "2012-04-02"})
contact = {"entityType": "CONTACT", "flags": {"doNotEmail": False, "doNotBulkEmail": False},
           "contactPoints": [{"channel": "EMAIL", "address": ann}, {"channel": "SMS", "address": "+33 6 12 34 56 78"}]}
record("upsertContact", "PUT", T + "/contacts/c-1001", contact)
record("getContact", "GET", T + "/contacts/c-1001")
decision = {"profileId": P, "purposeId": "newsletter", "channel": "EMAIL", "address": ann}
record("decide", "POST", T + "/decisions", decision)
record("explainDecision", "POST", T + "/decisions/explanation", decision)
lines = "\n".join(json.dumps(d) for d in [decision, dict(decision, address="bob.durand@example.com", topicId="shoes")]) + "\n"
record("decideBatch", "POST", T + "/decisions/batch", raw=lines.encode(), content_type="application/x-ndjson",
       request_example=lines)
key = {"profileId": P, "channel": "EMAIL", "address": ann, "purposeId": "newsletter"}
record("historyOfRecord", "POST", T + "/history/record", key, tok=AUDITOR)
record("historyOfContactPoint", "POST", T + "/history/contact-point", {"channel": "EMAIL", "address": ann}, tok=AUDITOR)
record("recordAsOf", "POST", T + "/history/record/as-of?at=2026-12-31T00:00:00Z", key, tok=AUDITOR)
record("verifyRecord", "POST", T + "/history/record/verify", key, tok=AUDITOR)
record("searchHistory", "POST", T + "/history/search", {"profileId": P, "source": "FORM"}, tok=AUDITOR)
record("exportHistory", "POST", T + "/history/export", {"profileId": P, "purposeId": "newsletter"}, tok=AUDITOR)
record("verifyTenant", "POST", T + "/history/verify", tok=AUDITOR)
links = {"profileId": P, "channel": "EMAIL", "address": ann, "purposeId": "newsletter", "validFor": "P30D"}
record("createRecipientLinks", "POST", T + "/recipient-links", links)
time.sleep(7)  # the report counters take changes in every 5 s (consent.reports.interval)
record("reachReport", "GET", T + f"/reports/reach?profileId={P}")
record("dailyReport", "GET", T + f"/reports/daily?profileId={P}&from=2026-11-19&to=2026-11-21")
record("partnerReport", "GET", T + "/reports/partners")
settings = {"checkContactLevelConsent": True, "lowercaseWholeEmail": False, "defaultPhoneRegion": "FR",
            "customChannels": [{"id": "WHATSAPP", "name": "WhatsApp", "addressFormat": "PHONE"}]}
record("putSettings", "PUT", T + "/settings", settings)
record("getSettings", "GET", T + "/settings")
record("dryRunContactLevelSwitch", "POST", T + "/settings/dry-run", {"checkContactLevelConsent": False, "profileId": P})
record("getKeyring", "GET", T + "/keys")
record("rotateKey", "POST", T + "/keys/rotation")
record("rotateIntakeSecret", "POST", T + "/keys/intake-secret")
job = {"shape": "CONSENT_ROWS", "format": "CSV"}
csv = ("profileId,channel,address,purposeId,state,capturedAt\n"
       f"{P},EMAIL,chloe.bernard@example.com,newsletter,OPTED_IN,2026-10-01T00:00:00Z\n"
       f"{P},EMAIL,not-an-address,newsletter,OPTED_IN,2026-10-01T00:00:00Z\n")
boundary = "consent-example-boundary"
multipart = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"job\"\r\nContent-Type: application/json\r\n\r\n"
             f"{json.dumps(job)}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"legacy.csv\"\r\n"
             f"Content-Type: text/csv\r\n\r\n{csv}\r\n--{boundary}--\r\n")
submitted, _ = record("submitImport", "POST", T + "/imports", raw=multipart.encode(),
                      content_type=f"multipart/form-data; boundary={boundary}", request_example={"job": job, "file": csv})
examples["submitImport"]["requestType"] = "multipart/form-data"
job_id = submitted["id"]
for _ in range(100):
    if call("GET", T + f"/imports/{job_id}")[2].find(b'"COMPLETED"') >= 0:
        break
    time.sleep(0.2)
record("getImport", "GET", T + f"/imports/{job_id}")
record("getImportErrors", "GET", T + f"/imports/{job_id}/errors?format=ndjson")
second, _ = record("submitImport-again", "POST", T + "/imports", raw=multipart.encode(),
                   content_type=f"multipart/form-data; boundary={boundary}")
del examples["submitImport-again"]
record("cancelImport", "POST", T + f"/imports/{second['id']}/cancel")
person = {"contactPoints": [{"channel": "EMAIL", "address": ann}], "language": "fr"}
record("accessRequest", "POST", T + "/subject-requests/access", person, tok=AUDITOR)
record("eraseSubject", "POST", T + "/subject-requests/erasure",
       {"contactPoints": [{"channel": "EMAIL", "address": "bob.durand@example.com"}],
        "legalReference": "GDPR Art. 17(1)(b)", "reference": "DSR-2026-0042"}, tok=AUDITOR)
record("listErasures", "GET", T + "/subject-requests/erasures", tok=AUDITOR)
record("getReceiptKeys", "GET", "/.well-known/consent-receipt-keys.json", tok=None)

def without_nulls(value):
    """Fields without a value are sent as null; the examples leave them out (the schemas do not declare null)."""
    if isinstance(value, dict):
        return {k: without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [without_nulls(v) for v in value]
    return value


for entry in examples.values():
    for part in ("request", "response"):
        if part in entry:
            entry[part] = without_nulls(entry[part])

with open(OUT, "w") as out:
    json.dump(dict(sorted(examples.items())), out, indent=2, ensure_ascii=False)
    out.write("\n")
print(f"{len(examples)} operations recorded in {OUT}")
