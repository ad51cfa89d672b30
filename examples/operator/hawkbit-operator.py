#!/usr/bin/env python3
"""Command operator for the DDI Conformance Suite, talking to a hawkBit-compatible Management API.

The suite runs this program once per back-office step:

    hawkbit-operator.py <step>   < one JSON request on stdin   > one JSON answer on stdout

and reads exactly one of
    {"ok": true, ...results}          the step was done
    {"unsupported": "why"}            this back office cannot do the step: the checks that need it are skipped
    {"error": "what went wrong"}      the step failed (add "setup": "BAD_CREDENTIALS" etc. in preflight)

Use it as it is for hawkBit, or as the template for your own back office: keep main() and the answer shapes,
and replace the body of each step function with calls to your API. Python 3.8+ standard library only.

    java -jar target/ddi-conformance.jar --url https://ddi.example.com --tenant DEFAULT \
         --mgmt-url https://mgmt.example.com --mgmt-user admin --mgmt-password "$PASSWORD" \
         --operator command:examples/operator/hawkbit-operator.py

Environment (set by the suite): DDICT_MGMT_URL, DDICT_MGMT_USER, DDICT_MGMT_PASSWORD (the only secret: it is
never in the JSON request), DDICT_DDI_URL, DDICT_TENANT, DDICT_RUN_PREFIX. Write diagnostics to stderr: the
suite shows its tail (credentials masked) when a step fails. Never print anything else to stdout.
"""

import base64
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor

# What this back office offers (the catalogue's Opt: tags, see `java -jar ddi-conformance.jar list features`).
# hawkBit 1.1.0 offers all of these; GWTOKEN and PNP are added in describe() when the tenant has a gateway token.
FEATURES = ["TOKEN", "DLONLY", "FORCEQUIT", "INSTALLED", "MW", "TIMEFORCED", "RANGE", "ETAG", "HISTORY",
            "CONFIRM", "META", "OFFLINE", "CBOR", "CERTHDR"]
# The back-office steps beyond the basics that this program can take (a check needing a missing one is skipped).
CAPABILITIES = ["TENANT_SETTINGS", "TARGET_STATE", "REQUEST_ATTRIBUTES", "OFFLINE_ASSIGN", "FORCE_SWITCH",
                "CONSENT", "MODULE_METADATA", "MIGRATION_STEP"]


class Unsupported(Exception):
    """The back office cannot take this step."""


class Failed(Exception):
    """The step failed; `setup` (preflight only) chooses the suite's exit code: BAD_CREDENTIALS, NOT_DDI,
    AUTH_DISABLED, UNREACHABLE or BAD_CONFIGURATION."""

    def __init__(self, message, setup=None):
        super().__init__(message)
        self.setup = setup


# ---- the Management API client --------------------------------------------------------------------------------

API = os.environ.get("DDICT_MGMT_URL", "").rstrip("/") + "/rest/v1"
AUTH = "Basic " + base64.b64encode(
    (os.environ.get("DDICT_MGMT_USER", "") + ":" + os.environ.get("DDICT_MGMT_PASSWORD", "")).encode()).decode()
TIMEOUT = 10.0


class Response:
    def __init__(self, status, body):
        self.status = status
        self.body = body

    def json(self):
        return json.loads(self.body) if self.body else None

    def describe(self):
        text = self.body.decode("utf-8", "replace")
        return "HTTP %d %s" % (self.status, text[:500])


def call(method, path, body=None, content_type="application/json"):
    """One request to the Management API; answers every HTTP status (only a transport problem raises)."""
    data = None
    if body is not None:
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
    request = urllib.request.Request(API + path, data=data, method=method)
    request.add_header("Authorization", AUTH)
    request.add_header("Accept", "application/json")
    if data is not None:
        request.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as r:
            return Response(r.status, r.read())
    except urllib.error.HTTPError as e:
        return Response(e.code, e.read())


def expect(step, response, *statuses):
    if response.status not in statuses:
        raise Failed("%s: expected HTTP %s, got %s" % (step, "/".join(map(str, statuses)), response.describe()))
    return response


def q(segment):
    """A path segment (controllerIds may hold characters that need escaping)."""
    return urllib.parse.quote(str(segment), safe="")


def upload(module_id, filename, path):
    boundary = "ddict-" + uuid.uuid4().hex
    with open(path, "rb") as f:
        content = f.read()
    body = (("--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"%s\"\r\n"
             "Content-Type: application/octet-stream\r\n\r\n" % (boundary, filename)).encode()
            + content + ("\r\n--%s--\r\n" % boundary).encode())
    return call("POST", "/softwaremodules/%d/artifacts" % module_id, body, "multipart/form-data; boundary=" + boundary)


# ---- the steps: each takes the request and returns the answer's results (ok is added) -------------------------

def preflight(req):
    """The back office is reachable, accepts the credentials, and devices can authenticate by target token."""
    try:
        r = call("GET", "/system/configs/authentication.targettoken.enabled")
    except OSError as e:
        raise Failed("management API unreachable at %s: %s" % (API, getattr(e, "reason", e)), "UNREACHABLE")
    if r.status in (401, 403):
        raise Failed("management credentials rejected (HTTP %d) by %s for user '%s'"
                     % (r.status, API, os.environ.get("DDICT_MGMT_USER", "")), "BAD_CREDENTIALS")
    value = r.json() if r.status == 200 and r.body.strip().startswith(b"{") else None
    if not value or "value" not in value:
        raise Failed("no hawkBit Management API at %s (%s)" % (API, r.describe()[:200]), "NOT_DDI")
    if value["value"] is not True:
        raise Failed("target-token authentication is disabled on the server (authentication.targettoken.enabled=false)",
                     "AUTH_DISABLED")
    return {}


def describe(req):
    answer = {"features": list(FEATURES), "capabilities": list(CAPABILITIES)}
    enabled = call("GET", "/system/configs/authentication.gatewaytoken.enabled")
    key = call("GET", "/system/configs/authentication.gatewaytoken.key")
    if enabled.status == 200 and enabled.json().get("value") is True and key.status == 200 and key.json().get("value"):
        answer["features"] += ["GWTOKEN", "PNP"]
        answer["gatewayToken"] = key.json()["value"]
    return answer


def register_controller(req):
    cid = req["controllerId"]
    name = cid if len(cid) <= 128 else cid[:120] + "…"   # hawkBit limits names to 128 characters
    expect("create target " + cid, call("POST", "/targets", [{
        "controllerId": cid, "name": name, "description": req["description"],
        "securityToken": req["securityToken"]}]), 201)
    return {}


def controller(req):
    r = call("GET", "/targets/" + q(req["controllerId"]))
    if r.status == 404:
        return {"found": False}
    t = expect("read target", r, 200).json()
    return {"found": True, "controllerId": t.get("controllerId"), "state": t.get("updateStatus", ""),
            "lastRequestAt": t.get("lastControllerRequestAt")}


def create_software(req):
    modules = []
    try:
        for m in req["modules"]:
            r = expect("create module " + m["name"], call("POST", "/softwaremodules", [{
                "name": m["name"], "version": m["version"], "type": m["typeKey"], "vendor": "ddict",
                "description": req["description"], "encrypted": m["encrypted"]}]), 201)
            module_id = r.json()[0]["id"]
            modules.append(module_id)
            if m["metadata"]:
                expect("module metadata", call("POST", "/softwaremodules/%d/metadata" % module_id, m["metadata"]), 201)
            for a in m["artifacts"]:
                expect("upload " + a["filename"], upload(module_id, a["filename"], a["path"]), 201)
        r = expect("create distribution set " + req["name"], call("POST", "/distributionsets", [{
            "name": req["name"], "version": req["version"], "type": req["setType"],
            "requiredMigrationStep": req["requiredMigrationStep"], "description": req["description"],
            "modules": [{"id": i} for i in modules]}]), 201)
    except Exception:
        for module_id in modules:   # leave nothing behind that the suite does not know about
            call("DELETE", "/softwaremodules/%d" % module_id)
        raise
    return {"id": r.json()[0]["id"], "version": req["version"], "modules": [{"id": i} for i in modules]}


def assign(req):
    body = {"id": req["distributionSetId"], "type": req["type"], "confirmationRequired": req["confirmationRequired"]}
    if "forceTime" in req:
        body["forcetime"] = req["forceTime"]
    if "weight" in req:
        body["weight"] = req["weight"]
    if "maintenanceWindow" in req:
        body["maintenanceWindow"] = req["maintenanceWindow"]
    r = expect("assign", call("POST", "/targets/%s/assignedDS" % q(req["controllerId"]), body), 200)
    actions = r.json().get("assignedActions") or []
    if not actions:
        raise Failed("assign: no action created: " + r.describe())
    return {"actionId": actions[0]["id"]}


def assign_offline(req):
    expect("offline assignment", call("POST", "/targets/%s/assignedDS?offline=true" % q(req["controllerId"]),
                                      [{"id": req["distributionSetId"]}]), 200)
    return {}


def action_path(req):
    return "/targets/%s/actions/%d" % (q(req["controllerId"]), req["actionId"])


def switch_to_forced(req):
    expect("switch to forced", call("PUT", action_path(req), {"forceType": "forced"}), 200)
    return {}


def request_attributes(req):
    expect("request attributes", call("PUT", "/targets/" + q(req["controllerId"]), {"requestAttributes": True}), 200)
    return {}


def attributes(req):
    r = call("GET", "/targets/%s/attributes" % q(req["controllerId"]))
    if r.status == 204:
        return {"attributes": {}}
    return {"attributes": expect("read attributes", r, 200).json()}


def confirm(req):
    expect("confirm", call("PUT", action_path(req) + "/confirmation",
                           {"confirmation": "confirmed" if req["confirmed"] else "denied"}), 204)
    return {}


def set_auto_confirm(req):
    path = "/targets/%s/autoConfirm/%s" % (q(req["controllerId"]), "activate" if req["active"] else "deactivate")
    expect("auto-confirm", call("POST", path, {} if req["active"] else None), 204)
    return {}


def tenant_setting(req):
    value = expect("read " + req["hawkbitKey"], call("GET", "/system/configs/" + req["hawkbitKey"]), 200).json()["value"]
    return {"value": str(value).lower() if isinstance(value, bool) else str(value)}


def set_tenant_setting(req):
    value = req["value"]
    body = {"value": value == "true"} if value in ("true", "false") else {"value": value}
    expect("change " + req["hawkbitKey"], call("PUT", "/system/configs/" + req["hawkbitKey"], body), 200, 204)
    return {}


def cancel(req):
    r = call("DELETE", action_path(req))
    if req["force"]:   # hawkBit force-quits only an action that is already being cancelled
        r = call("DELETE", action_path(req) + "?force=true")
    if r.status in (200, 204):
        return {"accepted": True, "httpStatus": r.status, "evidence": r.describe()}
    if 400 <= r.status < 500:   # a refusal is an answer the checks judge, not an error
        return {"accepted": False, "httpStatus": r.status, "evidence": r.describe()}
    raise Failed("cancel: " + r.describe())


def action(req):
    a = expect("read action", call("GET", action_path(req)), 200).json()
    return {"active": a["active"], "status": a.get("status", ""), "type": a.get("type", "")}


def status_history(req):
    r = expect("read status", call("GET", action_path(req) + "/status?offset=0&limit=50&sort=id%3ADESC"), 200)
    return {"entries": [{"id": s.get("id"), "type": s.get("type", ""), "messages": s.get("messages", []),
                         "code": s.get("code"), "reportedAt": s.get("reportedAt", 0)}
                        for s in r.json().get("content", [])]}


def cleanup(req):
    """Targets first (with their actions), then sets, then modules; best effort, in parallel."""
    with ThreadPoolExecutor(4) as pool:
        for paths in (["/targets/" + q(c) for c in req.get("controllers", [])],
                      ["/distributionsets/%d" % i for i in req.get("distributionSets", [])],
                      ["/softwaremodules/%d" % i for i in req.get("softwareModules", [])]):
            failed = [p for p, r in zip(paths, pool.map(lambda p: call("DELETE", p), paths)) if r.status not in (200, 204, 404)]
            for p in failed:
                print("cleanup: DELETE %s was refused" % p, file=sys.stderr)
    return {}


STEPS = {
    "preflight": preflight, "describe": describe, "registerController": register_controller,
    "controller": controller, "createSoftware": create_software, "assign": assign, "assignOffline": assign_offline,
    "switchToForced": switch_to_forced, "requestAttributes": request_attributes, "attributes": attributes,
    "confirm": confirm, "setAutoConfirm": set_auto_confirm, "tenantSetting": tenant_setting,
    "setTenantSetting": set_tenant_setting, "cancel": cancel, "action": action, "statusHistory": status_history,
    "cleanup": cleanup,
}


def main():
    global API, TIMEOUT
    step = sys.argv[1] if len(sys.argv) > 1 else ""
    req = json.load(sys.stdin)
    API = req["mgmtUrl"].rstrip("/") + "/rest/v1"
    TIMEOUT = req.get("timeoutMs", 10000) / 1000.0
    try:
        if step not in STEPS:
            raise Unsupported("step '%s' is not implemented by %s" % (step, os.path.basename(sys.argv[0])))
        answer = dict(ok=True, **STEPS[step](req))
    except Unsupported as e:
        answer = {"unsupported": str(e)}
    except Failed as e:
        answer = {"error": str(e)}
        if e.setup:
            answer["setup"] = e.setup
    except OSError as e:   # no answer from the back office (refused, timed out, DNS, TLS)
        answer = {"error": "%s %s: no answer from %s: %s" % (step, req.get("controllerId", ""), API, getattr(e, "reason", e))}
    json.dump(answer, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
