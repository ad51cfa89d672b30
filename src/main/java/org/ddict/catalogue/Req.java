package org.ddict.catalogue;

import java.util.Arrays;
import java.util.Optional;

/**
 * The requirement catalogue of {@code shared/ddi/REQUIREMENTS.md} (version 1.1, 162 requirements) in code.
 * Generated once from the catalogue's §3 table and §2 statements; IDs are never renumbered or reused.
 * <p>
 * After the catalogue come the suite's own requirements (areas {@link Area#CLIENT} and {@link Area#SECURITY}, IDs
 * {@code SUITE-CLIENT-nn} / {@code SUITE-SEC-nn}): judged, reported and proven by defects exactly like the catalogue's.
 */
public enum Req {
    DDI_BASE_01("The poll answers with the controller base", Level.MUST, "MUST", Area.BASE, null, Priority.P0,
            "`GET {base}` for a known, authenticated controller returns 200 with a JSON object that contains `config.polling.sleep` (string) and, optionally, `_links`."),
    DDI_BASE_02("JSON media types and content negotiation", Level.MUST, "MUST", Area.BASE, null, Priority.P0,
            "Every JSON resource (#1, #2, #4, #7, #9, #10, #14) is served with a JSON media type: `application/hal+json` when the request has no `Accept` or `Accept: application/hal+json`, and `application/json` (or `application/hal+json`) for `Accept: application/json`. A non-JSON media type (e.g. `text/plain`) for a JSON body is a failure. An `Accept` the server cannot produce (`application/xml`, `application/atom+xml`) SHOULD be answered with 406."),
    DDI_BASE_03("Idle controller: no action links", Level.MUST, "MUST", Area.BASE, null, Priority.P0,
            "When the controller has no open action, the poll contains none of the rels `deploymentBase`, `cancelAction`, `confirmationBase`."),
    DDI_BASE_04("Open update action → deploymentBase link", Level.MUST, "MUST", Area.BASE, null, Priority.P0,
            "When the controller has an open update action A (not being cancelled, not awaiting consent), the poll offers `_links.deploymentBase.href`; its last path segment is A; the href path ends with `/{T}/controller/v1/{C}/deploymentBase/{A}` (a query string is allowed); following it returns the deployment of A (`id == \"A\"`)."),
    DDI_BASE_05("One current action at a time", Level.MUST, "MUST (at most one action link) / SHOULD (ordering)", Area.BASE, null, Priority.P0,
            "A poll offers at most one of `deploymentBase`, `cancelAction`, `confirmationBase`. When an older action is being cancelled because a newer one superseded it, the server SHOULD first offer `cancelAction` for the older action and only after that cancellation is closed offer `deploymentBase` for the newer one."),
    DDI_BASE_06("Links identify the controller exactly", Level.MUST, "MUST", Area.BASE, null, Priority.P0,
            "Every link in the controller base (and every artifact link, DDI-DEPLOY-09) is an absolute URI (or a URI reference resolvable against the request URI) whose path contains `/{T}/controller/v1/{C}/` with `C` byte-for-byte as used by the device (same case, no trimming)."),
    DDI_BASE_07("The c query parameter is opaque", Level.MUST, "MUST (server accepts) / SHOULD (value changes)", Area.BASE, null, Priority.P1,
            "The server MUST answer the `deploymentBase` / `confirmationBase` href exactly as offered and MUST also answer the same path without the query. The `c` value SHOULD change when the action changes in a way that alters the deployment (soft → forced switch, force time reached, maintenance window opened)."),
    DDI_BASE_08("Conditional poll (ETag / If-None-Match)", Level.SHOULD, "SHOULD", Area.BASE, Feature.ETAG, Priority.P1,
            "The poll response carries an `ETag`. Repeating the poll with `If-None-Match: <etag>` while nothing changed yields 304 without a body; after a change (new assignment) the poll yields 200 with a different ETag."),
    DDI_BASE_09("Polling sleep format", Level.MUST, "MUST", Area.BASE, null, Priority.P0,
            "`config.polling.sleep` is a string `HH:MM:SS` (two-digit hours, minutes 00–59, seconds 00–59) giving a non-negative duration; it is never a number."),
    DDI_BASE_10("Polling sleep reflects the configured interval", Level.SHOULD, "SHOULD", Area.BASE, null, Priority.P1,
            "When the operator sets the tenant polling interval, subsequent polls of a controller without a pending maintenance window return exactly that interval."),
    DDI_BASE_11("Maintenance-window aware polling", Level.MAY, "MAY", Area.BASE, Feature.MW, Priority.P2,
            "While an open action waits for a future maintenance window, the server may shorten the sleep; it never exceeds the configured interval."),
    DDI_BASE_12("Only GET on the controller base", Level.MUST, "MUST", Area.BASE, null, Priority.P0,
            "POST, PUT and DELETE on `{base}` are answered with 405 and change nothing."),
    DDI_BASE_13("Polling does not change action state", Level.MUST, "MUST", Area.BASE, null, Priority.P0,
            "Polling the controller base (any number of times) does not open, close, confirm or cancel an action. Exception: a server MAY cancel an action whose maintenance schedule has no future window left (DDI-CANCEL-16)."),
    DDI_BASE_14("CBOR representation", Level.MAY, "MAY", Area.BASE, Feature.CBOR, Priority.P2,
            "With `Accept: application/cbor` the JSON resources are returned as CBOR carrying the same data (the link representation may differ, see Observe); feedback and configData bodies may be sent as `application/cbor`."),
    DDI_BASE_15("First contact is visible to the back office", Level.SHOULD, "SHOULD", Area.BASE, null, Priority.P1,
            "After the first poll of a pre-registered controller its back-office state changes from \"never seen\" to \"registered\"; the last-contact time is updated by polls (eventually)."),
    DDI_SCHEMA_01("Controller base document", Level.MUST, "MUST", Area.SCHEMA, null, Priority.P0,
            "Every 200 body of `GET {base}` conforms to *controller-base* (A.2)."),
    DDI_SCHEMA_02("Deployment document", Level.MUST, "MUST", Area.SCHEMA, null, Priority.P0,
            "Every 200 body of `GET …/deploymentBase/{A}` conforms to *deployment-base* (A.3): `id` string, `deployment.download` and `deployment.update` present with lower-case values from {`skip`,`attempt`,`forced`}, `deployment.chunks` array; artifacts with `filename`, integer `size`, `hashes.sha1`/`hashes.md5` hex strings and `_links`."),
    DDI_SCHEMA_03("Cancel document", Level.MUST, "MUST", Area.SCHEMA, null, Priority.P0,
            "Every 200 body of `GET …/cancelAction/{A}` conforms to *cancel* (A.4): `id` and `cancelAction.stopId` are **JSON strings** holding the decimal action id; both equal A."),
    DDI_SCHEMA_04("Installed-base document", Level.MUST, "MUST", Area.SCHEMA, Feature.INSTALLED, Priority.P1,
            "`GET …/installedBase/{A}` (200) has exactly the *deployment-base* structure."),
    DDI_SCHEMA_05("Confirmation-base document", Level.MUST, "MUST", Area.SCHEMA, Feature.CONFIRM, Priority.P2,
            "`GET …/confirmationBase` (200) conforms to *confirmation-base* (A.5): `autoConfirm.active` boolean; `initiator`, `remark` strings when present; `activatedAt` integer when present; `_links` with exactly one of `activateAutoConfirm` / `deactivateAutoConfirm`, plus `confirmationBase` when an action awaits consent."),
    DDI_SCHEMA_06("Confirmation-action document", Level.MUST, "MUST", Area.SCHEMA, Feature.CONFIRM, Priority.P2,
            "`GET …/confirmationBase/{A}` (200) conforms to *confirmation-base-action* (A.6): `id` string == A, `confirmation` with the deployment structure (A.3 `deployment`), optional `actionHistory`."),
    DDI_SCHEMA_07("Artifact list document", Level.MUST, "MUST", Area.SCHEMA, null, Priority.P0,
            "`GET …/softwaremodules/{M}/artifacts` (200) is a JSON array of artifact objects (A.3 artifact rules)."),
    DDI_SCHEMA_08("Lower-case enumerations", Level.MUST, "MUST", Area.SCHEMA, null, Priority.P0,
            "Enumerated values in responses are lower case exactly: `deployment.download`, `deployment.update` ∈ {`skip`,`attempt`,`forced`}; `deployment.maintenanceWindow` ∈ {`available`,`unavailable`}. Upper- or mixed-case values are failures."),
    DDI_SCHEMA_09("JSON types are stable", Level.MUST, "MUST", Area.SCHEMA, null, Priority.P0,
            "`size` and `activatedAt` are JSON integers; `id`, `stopId`, `sleep`, hashes, `part`, `name`, `version`, `filename` are JSON strings; `active`, `encrypted` are booleans; `chunks`, `artifacts`, `metadata`, `messages` are arrays. A string where an integer is required (or the reverse) is a failure."),
    DDI_SCHEMA_10("Request bodies with unknown properties are accepted", Level.MUST, "MUST", Area.SCHEMA, null, Priority.P0,
            "The server ignores unknown properties in DDI request bodies. In particular a feedback body carrying the legacy fields `\"id\": \"<A>\"` and `\"time\": \"<text>\"` (sent by older device clients) is processed like the same body without them."),
    DDI_SCHEMA_11("Error bodies, when JSON, follow ExceptionInfo", Level.SHOULD, "SHOULD", Area.SCHEMA, null, Priority.P1,
            "A JSON error body conforms to *exception-info* (A.8). Empty error bodies are allowed."),
    DDI_DEPLOY_01("Deployment of the right action", Level.MUST, "MUST", Area.DEPLOY, null, Priority.P0,
            "`GET {base}/deploymentBase/{A}` for an open update action of C returns 200 with `id == \"A\"` and one chunk per software module of the assigned distribution set."),
    DDI_DEPLOY_02("Soft assignment → attempt / attempt", Level.MUST, "MUST", Area.DEPLOY, null, Priority.P0,
            "A soft assignment without maintenance window yields `download = attempt`, `update = attempt`, and no `maintenanceWindow` property."),
    DDI_DEPLOY_03("Forced assignment → forced / forced", Level.MUST, "MUST", Area.DEPLOY, null, Priority.P0,
            "A forced assignment without maintenance window yields `download = forced`, `update = forced`, no `maintenanceWindow`."),
    DDI_DEPLOY_04("Time-forced assignment switches at the force time", Level.SHOULD, "SHOULD", Area.DEPLOY, Feature.TIMEFORCED, Priority.P1,
            "Before the force time the deployment reads `attempt`/`attempt`; once the force time has passed it reads `forced`/`forced` (and the `deploymentBase` href changes, DDI-BASE-07)."),
    DDI_DEPLOY_05("Download-only assignment → forced / skip", Level.MUST, "MUST", Area.DEPLOY, Feature.DLONLY, Priority.P1,
            "A download-only assignment yields `download = forced`, `update = skip`."),
    DDI_DEPLOY_06("Maintenance window: update follows window availability", Level.MUST, "MUST", Area.DEPLOY, Feature.MW, Priority.P1,
            "For an action with a maintenance schedule, `maintenanceWindow` is present; outside a window: `maintenanceWindow = unavailable` and `update = skip`; inside a window: `maintenanceWindow = available` and `update` equals `download`. `download` follows the action type (`forced` for forced/download-only, `attempt` for soft)."),
    DDI_DEPLOY_07("Chunk identity", Level.MUST, "MUST (name, version) / SHOULD (part)", Area.DEPLOY, null, Priority.P0,
            "Each chunk carries the module's `name` and `version`; `part` identifies the module type (hawkBit: the software-module type key, with two legacy renames: `application` → `bApp`, `runtime` → `jvm`)."),
    DDI_DEPLOY_08("Artifact metadata matches the bytes", Level.MUST, "MUST", Area.DEPLOY, null, Priority.P0,
            "Each artifact entry has `filename` equal to the uploaded file name, `size` equal to the byte length, `hashes.sha1` and `hashes.md5` equal to the digests of the bytes (hex, compared case-insensitively; hawkBit emits lower case), and `hashes.sha256` (SHOULD be present) equal to the SHA-256 digest."),
    DDI_DEPLOY_09("Artifact download links", Level.MUST, "MUST", Area.DEPLOY, null, Priority.P0,
            "Each artifact has `_links` with at least one of `download` (HTTPS) or `download-http` (HTTP); every offered download link serves the artifact (DDI-DOWNLOAD-01). `md5sum` / `md5sum-http` SHOULD be offered alongside and serve the checksum file (DDI-DOWNLOAD-10)."),
    DDI_DEPLOY_10("Target-visible module metadata", Level.MAY, "MAY", Area.DEPLOY, Feature.META, Priority.P2,
            "Module metadata flagged \"target visible\" appears in the chunk as `metadata: [{key,value}]`; metadata not so flagged never appears; chunks without visible metadata omit `metadata`."),
    DDI_DEPLOY_11("Encrypted flag", Level.MAY, "MAY", Area.DEPLOY, null, Priority.P2,
            "`encrypted: true` is present only for modules whose artifacts are encrypted; otherwise the property is absent."),
    DDI_DEPLOY_12("No deployment for actions that are not in the update flow", Level.MUST, "MUST", Area.DEPLOY, null, Priority.P0,
            "`GET …/deploymentBase/{A}` answers 404 while A is being cancelled (CANCELING), after A was cancelled (CANCELED), and while A awaits consent (Opt:CONFIRM). For closed FINISHED/ERROR actions the answer is implementation-defined (the suite does not assert it, see §5 Q-01)."),
    DDI_DEPLOY_13("Only GET on deploymentBase", Level.MUST, "MUST", Area.DEPLOY, null, Priority.P0,
            "POST, PUT, DELETE on `…/deploymentBase/{A}` → 405."),
    DDI_DEPLOY_14("Retrieval is recorded (informational)", Level.MAY, "MAY", Area.DEPLOY, null, Priority.P2,
            "A server may record that the device fetched the deployment. Checks that read the status history MUST tolerate such extra entries."),
    DDI_STATE_01("closed + success finishes the action", Level.MUST, "MUST", Area.STATE, null, Priority.P0,
            "The server answers 200, records FINISHED and closes A as successful. The next poll offers no `deploymentBase` for A; if the server implements installedBase it offers `installedBase` with V-ID == A."),
    DDI_STATE_02("closed + none is treated as success", Level.MUST, "MUST", Area.STATE, null, Priority.P0,
            "`closed` with `finished = none` has the same effect as `success`: recorded FINISHED, action closed successfully, installedBase → A."),
    DDI_STATE_03("closed + failure fails the action", Level.MUST, "MUST", Area.STATE, null, Priority.P0,
            "The server answers 200, records ERROR and closes A as failed. The next poll offers no `deploymentBase` for A and no `installedBase` pointing at A."),
    DDI_STATE_04("proceeding → RUNNING, stays open", Level.MUST, "MUST", Area.STATE, null, Priority.P0,
            "`proceeding` is answered 200, recorded as RUNNING, and A stays open."),
    DDI_STATE_05("scheduled → RUNNING, stays open", Level.MUST, "MUST", Area.STATE, null, Priority.P0,
            "`scheduled` is answered 200, recorded as RUNNING, and A stays open."),
    DDI_STATE_06("resumed → RUNNING, stays open", Level.MUST, "MUST", Area.STATE, null, Priority.P0,
            "`resumed` is answered 200, recorded as RUNNING, and A stays open."),
    DDI_STATE_07("download → DOWNLOAD, stays open", Level.MUST, "MUST", Area.STATE, null, Priority.P0,
            "`download` is answered 200, recorded as DOWNLOAD, and A stays open."),
    DDI_STATE_08("downloaded → DOWNLOADED, stays open for an ordinary update", Level.MUST, "MUST", Area.STATE, null, Priority.P0,
            "For a soft or forced action `downloaded` is recorded as DOWNLOADED and A stays open (installation has not happened yet)."),
    DDI_STATE_09("downloaded completes a download-only action", Level.MUST, "MUST", Area.STATE, Feature.DLONLY, Priority.P0,
            "For a download-only action, `downloaded` is recorded as DOWNLOADED and closes the action (nothing else is expected from the device); the next poll offers no `deploymentBase` for A and no `installedBase` for A (nothing was installed)."),
    DDI_STATE_10("rejected → WARNING, stays open", Level.MUST, "MUST", Area.STATE, null, Priority.P0,
            "The device refuses the update *for now*: recorded WARNING; A stays open and is offered again; the device may later proceed and close it."),
    DDI_STATE_11("canceled on the deployment channel → CANCELED", Level.MUST, "MUST (recorded type, not a failure)", Area.STATE, null, Priority.P0,
            "`canceled` sent to the deployment feedback is answered 200 and recorded as CANCELED. It MUST NOT be recorded or treated as ERROR. Whether it ends the action is implementation-defined for this channel: the suite MUST NOT assert that A is closed (hawkBit keeps it open) nor that it stays open. A cancellation the server requested is finally accepted only via the cancel channel (DDI-CANCEL-04)."),
    DDI_STATE_12("Feedback on a closed action is refused", Level.MUST, "MUST (4xx, no state change) / SHOULD (410)", Area.STATE, null, Priority.P0,
            "Once A is closed (FINISHED, ERROR, CANCELED, or DOWNLOADED download-only), any further deployment feedback for A is answered with a 4xx status — 410 Gone SHOULD be used — and changes nothing (no new status entry, no change of installed state)."),
    DDI_STATE_13("Success answer", Level.MUST, "MUST", Area.STATE, null, Priority.P0,
            "Accepted feedback is answered with 200 (any 2xx is accepted; hawkBit: 200) and an empty body."),
    DDI_STATE_14("details are stored as messages", Level.SHOULD, "SHOULD", Area.STATE, null, Priority.P0,
            "Each string of `status.details` is stored as a message of the recorded status entry, in order and verbatim (for entries ≤ 512 characters); they are returned by `actionHistory` (DDI-HISTORY-02) and by the back office."),
    DDI_STATE_15("code is stored", Level.SHOULD, "SHOULD", Area.STATE, null, Priority.P1,
            "An integer `status.code` is stored with the status entry and exposed as the action's last status code."),
    DDI_STATE_16("progress is accepted", Level.MUST, "MUST", Area.STATE, null, Priority.P0,
            "`result.progress {cnt, of}` is optional; feedback with or without it is accepted alike. A server is not required to store or echo it."),
    DDI_STATE_17("timestamp is optional", Level.MUST, "MUST", Area.STATE, null, Priority.P0,
            "Feedback without `timestamp` is accepted (the server uses its own time); feedback with an integer `timestamp` (epoch milliseconds, current time) is accepted and stored."),
    DDI_STATE_18("Next open action after a close", Level.SHOULD, "SHOULD", Area.STATE, null, Priority.P1,
            "When a controller has several open actions, closing the current one makes the next poll offer the next one."),
    DDI_STATE_19("Target state follows the action (back office)", Level.SHOULD, "SHOULD", Area.STATE, null, Priority.P1,
            "After an assignment the target is \"pending\"; after FINISHED of the assigned set it is \"in sync\"; after ERROR it is \"error\"."),
    DDI_STATE_20("Feedback quotas", Level.MAY, "MAY", Area.STATE, null, Priority.P2,
            "A server may limit the number of status entries per action and of messages per entry; exceeding a limit yields 429 and stores nothing. The suite treats 429 as \"limit reached\", never as a mapping failure, and never sends more than 20 feedbacks per action or 10 details per feedback in other checks."),
    DDI_CANCEL_01("Operator cancel → cancelAction link", Level.MUST, "MUST", Area.CANCEL, null, Priority.P0,
            "After the operator requests cancellation of an open action A, the next poll offers `cancelAction` with V-ID == A and no `deploymentBase` for A."),
    DDI_CANCEL_02("Cancel instruction", Level.MUST, "MUST", Area.CANCEL, null, Priority.P0,
            "`GET {base}/cancelAction/{A}` returns 200 with `id == \"A\"` and `cancelAction.stopId == \"A\"` (strings, DDI-SCHEMA-03)."),
    DDI_CANCEL_03("No deployment while cancelling", Level.MUST, "MUST", Area.CANCEL, null, Priority.P0,
            "While A is being cancelled, `GET …/deploymentBase/{A}` → 404 (see DDI-DEPLOY-12)."),
    DDI_CANCEL_04("closed + success/none on the cancel channel accepts the cancellation", Level.MUST, "MUST", Area.CANCEL, null, Priority.P0,
            "The device confirms the cancellation with `closed`: the server answers 200, records CANCELED and closes A as cancelled. The next poll offers neither `cancelAction` nor `deploymentBase` for A; deployment feedback for A is refused (DDI-STATE-12); A never becomes the installed action."),
    DDI_CANCEL_05("rejected on the cancel channel keeps the update", Level.MUST, "MUST (behaviour) / SHOULD (recorded type)", Area.CANCEL, null, Priority.P0,
            "The device refuses the cancellation (e.g. installation already under way): the server answers 200, stops offering `cancelAction` for A and offers `deploymentBase` for A again; the device may finish A through the deployment channel. The refusal SHOULD be recorded as WARNING (project table); CANCEL_REJECTED is accepted as a known hawkBit variant (HB-DEV-02)."),
    DDI_CANCEL_06("closed + failure on the cancel channel: cancellation failed", Level.MUST, "MUST (not cancelled, recorded ERROR) / SHOULD (update flow resumes)", Area.CANCEL, null, Priority.P0,
            "The device could not cancel: the server answers 200 and records ERROR; A MUST NOT end as CANCELED. The server SHOULD return A to the update flow (offer `deploymentBase` again) rather than close it."),
    DDI_CANCEL_07("canceled on the cancel channel", Level.MUST, "MUST (accepted, not a failure) / SHOULD (recorded CANCELED)", Area.CANCEL, null, Priority.P0,
            "The server answers 200 and does not record ERROR. Per the project table it SHOULD record CANCELED. Whether `canceled` alone finalises the cancellation is implementation-defined; the portable way for a device is `closed` (DDI-CANCEL-04), and the suite MUST NOT FAIL a server that keeps A in the cancelling state after `canceled`."),
    DDI_CANCEL_08("Intermediate feedback on the cancel channel keeps the cancellation pending", Level.MUST, "MUST (stays pending) / SHOULD (recorded type per table)", Area.CANCEL, null, Priority.P0,
            "`proceeding`, `scheduled`, `resumed`, `download`, `downloaded` on the cancel channel are answered 200, leave A in the cancelling state (`cancelAction` still offered). `proceeding`/`scheduled`/ `resumed` are recorded RUNNING; `download`/`downloaded` SHOULD be recorded DOWNLOAD/DOWNLOADED (hawkBit: RUNNING, HB-DEV-03 → WARN)."),
    DDI_CANCEL_09("Cancel feedback for an action that is not being cancelled", Level.MUST, "MUST (4xx, no change) / SHOULD (405)", Area.CANCEL, null, Priority.P0,
            "Cancel feedback for an open action that was never cancelled is refused with 4xx and changes nothing (A stays in the update flow)."),
    DDI_CANCEL_10("Cancel feedback for a closed action", Level.MUST, "MUST (closed FINISHED/ERROR action unchanged) / SHOULD (4xx, 405)", Area.CANCEL, null, Priority.P0,
            "Cancel feedback for an action that was closed as FINISHED or ERROR is refused (4xx) and MUST NOT reopen or re-label it. For an action already closed as CANCELED the answer is implementation-defined (hawkBit: 200, §5 Q-05) but it MUST stay CANCELED and closed."),
    DDI_CANCEL_11("No cancel instruction for an action that is not being cancelled", Level.MUST, "MUST", Area.CANCEL, null, Priority.P0,
            "`GET {base}/cancelAction/{A}` for an open, non-cancelled action (or a FINISHED/ERROR action) → 404."),
    DDI_CANCEL_12("A closed action cannot be cancelled", Level.MUST, "MUST", Area.CANCEL, null, Priority.P0,
            "After A is closed (FINISHED or ERROR), an operator cancel request is refused by the back office and no `cancelAction` link for A ever appears."),
    DDI_CANCEL_13("Force-cancel closes without the device", Level.MUST, "MUST", Area.CANCEL, Feature.FORCEQUIT, Priority.P1,
            "After an operator force-cancel of a cancelling action, the action is closed as CANCELED without device feedback: the next poll offers neither `cancelAction` nor `deploymentBase` for A, and deployment feedback for A is refused (DDI-STATE-12)."),
    DDI_CANCEL_14("A superseding assignment cancels the open action", Level.SHOULD, "SHOULD", Area.CANCEL, null, Priority.P1,
            "Assigning a new distribution set to a controller with an open action puts the open action into cancellation (device must confirm via the cancel channel) unless the open set is marked as a required migration step; the new action is offered after the cancellation is closed (DDI-BASE-05)."),
    DDI_CANCEL_15("Cancelling an action that awaits consent", Level.SHOULD, "SHOULD", Area.CANCEL, Feature.CONFIRM, Priority.P2,
            "Cancelling an action in the consent state replaces `confirmationBase` by `cancelAction` for A; a `denied` confirmation feedback cannot bring it back (DDI-CONFIRM-07)."),
    DDI_CANCEL_16("Lapsed maintenance schedule cancels the action", Level.MAY, "MAY", Area.CANCEL, Feature.MW, Priority.P2,
            "A server may cancel an action whose maintenance schedule has no future window; the device then sees `cancelAction`."),
    DDI_CANCEL_17("Device may finish instead of cancelling", Level.MAY, "MAY", Area.CANCEL, null, Priority.P2,
            "While A is being cancelled, a server may still accept `closed` on the **deployment** channel and close A as FINISHED/ERROR."),
    DDI_HISTORY_01("No history unless asked", Level.MUST, "MUST", Area.HISTORY, Feature.HISTORY, Priority.P1,
            "Without the query parameter, with `actionHistory=0`, or with an empty value (`?actionHistory` / `?actionHistory=`), the document carries no device messages: `actionHistory` is absent, or present with an empty `messages` array."),
    DDI_HISTORY_02("The N most recent device messages, newest first", Level.MUST, "MUST", Area.HISTORY, Feature.HISTORY, Priority.P1,
            "`actionHistory=N` (N > 0) returns `actionHistory.messages` with at most N entries, the most recently reported device messages first, and `actionHistory.status` with the server-side status of the action."),
    DDI_HISTORY_03("Negative value → everything (bounded)", Level.SHOULD, "SHOULD", Area.HISTORY, Feature.HISTORY, Priority.P1,
            "A negative `actionHistory` returns all device messages up to a server cap (≥ 100 recommended)."),
    DDI_HISTORY_04("Device messages are returned verbatim", Level.MUST, "MUST", Area.HISTORY, Feature.HISTORY, Priority.P1,
            "Every device-provided detail (≤ 512 characters, plain text) appears unchanged as one `messages` entry. The server MAY add its own messages (e.g. the assignment note or a status-code note)."),
    DDI_HISTORY_05("Same parameter on installedBase and confirmationBase", Level.SHOULD, "SHOULD", Area.HISTORY, Feature.HISTORY, Priority.P1,
            "`installedBase/{A}` and `confirmationBase/{A}` honour `actionHistory` like `deploymentBase/{A}`."),
    DDI_CTRLID_01("Plug-and-play registration on first poll", Level.SHOULD, "SHOULD", Area.CTRLID, Feature.PNP, Priority.P0,
            "A poll with an unknown controllerId, authenticated by a tenant-wide credential, answers 200 and registers the controller: the back office then knows C, in state \"registered\", and the poll offers `configData` (the server wants the new device's attributes). Registration is required for ids of up to 128 characters; what a server does with longer unknown ids on first contact is recorded as INFO (§5 Q-06). A per-target credential never registers anything (DDI-CTRLID-04)."),
    DDI_CTRLID_02("Sub-resources never register a controller", Level.MUST, "MUST", Area.CTRLID, null, Priority.P0,
            "Requests to any resource other than the controller base (and `confirmationBase`) for an unknown controllerId do not create it: with a tenant-wide credential they answer 404; with a target token they answer 401 (DDI-CTRLID-04)."),
    DDI_CTRLID_03("Pre-commissioned controller", Level.MUST, "MUST", Area.CTRLID, null, Priority.P0,
            "A controller created by the operator before its first contact is served normally on its first poll (200) with its own credentials."),
    DDI_CTRLID_04("A target token only opens its own controller", Level.MUST, "MUST", Area.CTRLID, Feature.TOKEN, Priority.P0,
            "A request whose path names controller B but whose `TargetToken` belongs to controller A is not authenticated (401, or 403) and reveals nothing about B. A target token for an unknown controllerId is not authenticated either (no plug-and-play with target tokens)."),
    DDI_CTRLID_05("Controllers cannot reach each other's actions", Level.MUST, "MUST", Area.CTRLID, null, Priority.P0,
            "Using valid credentials for controller A (its target token, or a gateway token used on A's path), any request on A's path that names an action belonging to controller B answers 404 and leaves B's action untouched: GET `deploymentBase/{AB}`, `cancelAction/{AB}`, `installedBase/{AB}`, `confirmationBase/{AB}`; POST `deploymentBase/{AB}/feedback`, `cancelAction/{AB}/feedback`, `confirmationBase/{AB}/feedback`."),
    DDI_CTRLID_06("Controllers cannot download each other's artifacts", Level.MUST, "MUST", Area.CTRLID, null, Priority.P0,
            "A controller cannot list or download the artifacts of a module that is assigned only to another controller: 404 (403 accepted)."),
    DDI_CTRLID_07("Maximum length", Level.MUST, "MUST (256 accepted when pre-registered) / SHOULD (257 refused with 400)", Area.CTRLID, null, Priority.P0,
            "A controllerId of 256 characters from the portable alphabet that the operator registered is served normally; a controllerId longer than 256 characters is refused with 400 (4xx accepted) and not registered. Plug-and-play registration of ids longer than 128 characters is not required (hawkBit refuses 129–256 with 400, §5 Q-06)."),
    DDI_CTRLID_08("Allowed characters", Level.MUST, "MUST (portable alphabet) / SHOULD (whitespace refused)", Area.CTRLID, null, Priority.P0,
            "Ids made of `A–Z a–z 0–9 . _ -` work on every resource. An id containing whitespace (sent percent-encoded, e.g. `dev%20one`) is refused with 400 and not registered."),
    DDI_CTRLID_09("Case is preserved", Level.MUST, "MUST", Area.CTRLID, null, Priority.P0,
            "The server stores and reports the controllerId exactly as given: a controller registered (by the operator or by plug-and-play) as `DdiCt-MiXeD` is found by the operator under exactly that id, and every link it receives contains exactly that id (DDI-BASE-06)."),
    DDI_CTRLID_10("Case sensitivity", Level.SHOULD, "SHOULD", Area.CTRLID, null, Priority.P1,
            "Two ids that differ only in letter case identify two different controllers."),
    DDI_AUTH_01("Unauthenticated requests are rejected", Level.MUST, "MUST", Area.AUTH, null, Priority.P0,
            "A DDI request without credentials is answered 401 (403 accepted) — never 2xx, 404 or 5xx — on every endpoint, including artifact and checksum downloads."),
    DDI_AUTH_02("Target token accepted", Level.MUST, "MUST", Area.AUTH, Feature.TOKEN, Priority.P0,
            "`Authorization: TargetToken <token of C>` authenticates requests on C's path."),
    DDI_AUTH_03("Wrong target token rejected", Level.MUST, "MUST", Area.AUTH, Feature.TOKEN, Priority.P0,
            "A `TargetToken` that does not belong to C is rejected (401; 403 accepted) and changes nothing."),
    DDI_AUTH_04("Disabled scheme rejects valid credentials", Level.SHOULD, "SHOULD", Area.AUTH, Feature.TOKEN, Priority.P2,
            "When target-token authentication is switched off for the tenant, a correct target token is rejected (401)."),
    DDI_AUTH_05("Gateway token acts for any controller", Level.MUST, "MUST", Area.AUTH, Feature.GWTOKEN, Priority.P2,
            "`Authorization: GatewayToken <tenant key>` authenticates requests for any controllerId of the tenant, including unknown ones (which then register if Opt:PNP)."),
    DDI_AUTH_06("Wrong gateway token rejected", Level.MUST, "MUST", Area.AUTH, Feature.GWTOKEN, Priority.P2,
            "A `GatewayToken` that differs from the tenant key is rejected (401; 403 accepted)."),
    DDI_AUTH_07("Certificate headers from a trusted proxy", Level.MAY, "MAY", Area.AUTH, Feature.CERTHDR, Priority.P2,
            "With header authentication enabled, a request carrying `X-Controller-Id: <C>` equal to the path controllerId and an authority header whose value (or one of its `,`/`;`-separated values, or one of `X-Authority-0`, `X-Authority-1`, …) matches a configured authority is authenticated; a mismatching controllerId or unknown authority yields 401."),
    DDI_AUTH_08("Anonymous access", Level.MAY, "MAY", Area.AUTH, Feature.ANON, Priority.P2,
            "A server may allow devices without credentials; when declared, an unauthenticated poll answers 200."),
    DDI_AUTH_09("Unknown authorization schemes are rejected", Level.SHOULD, "SHOULD", Area.AUTH, null, Priority.P2,
            "`Authorization: Basic …`, `Bearer …`, or a scheme name in the wrong case (`targettoken <valid token>`) does not authenticate a device (401)."),
    DDI_AUTH_10("Credentials are tenant-bound", Level.SHOULD, "SHOULD", Area.AUTH, Feature.TOKEN, Priority.P2,
            "A target token valid in tenant T does not authenticate the same controllerId under another tenant path."),
    DDI_DOWNLOAD_01("Full download returns the exact bytes", Level.MUST, "MUST", Area.DOWNLOAD, null, Priority.P1,
            "GET on the artifact href answers 200 with exactly the uploaded bytes; their length equals `size` and their SHA-1 / MD5 / SHA-256 equal `hashes`."),
    DDI_DOWNLOAD_02("Download headers", Level.MUST, "MUST (an `ETag` is present; `Accept-Ranges: bytes` when Opt:RANGE) / SHOULD (Content-Type, Content-Disposition, Last-Modified, ETag = quoted SHA-1)", Area.DOWNLOAD, null, Priority.P1,
            "The full download carries `Content-Type: application/octet-stream`, `Content-Disposition: attachment` with a `filename` parameter equal to the artifact file name, `Accept-Ranges: bytes`, a strong `ETag` (SHOULD be the quoted lower-case SHA-1 of the content) and `Last-Modified`."),
    DDI_DOWNLOAD_03("Single byte range", Level.MUST, "MUST", Area.DOWNLOAD, Feature.RANGE, Priority.P1,
            "`Range: bytes=s-e` (0 ≤ s ≤ e < size) answers 206 with `Content-Range: bytes s-e/size`, `Content-Length: e-s+1` and exactly those bytes."),
    DDI_DOWNLOAD_04("Suffix and open-ended ranges", Level.SHOULD, "SHOULD", Area.DOWNLOAD, Feature.RANGE, Priority.P1,
            "Suffix ranges (`bytes=-k`) and open-ended ranges (`bytes=k-`) are answered 206 with the corresponding bytes; an end position beyond the file is clamped to the last byte."),
    DDI_DOWNLOAD_05("Unsatisfiable range", Level.MUST, "MUST (416 for start ≥ size) / MAY (416 vs 200 for syntactically invalid ranges)", Area.DOWNLOAD, Feature.RANGE, Priority.P1,
            "A range starting at or beyond the end (`bytes=5120-`) answers 416 with `Content-Range: bytes */5120`. For syntactically invalid or reversed ranges (`bytes=100-10`, `bytes=1-10,abc`) the server answers 416 or ignores the header (200 full body); both are accepted."),
    DDI_DOWNLOAD_06("Multiple ranges", Level.MAY, "MAY", Area.DOWNLOAD, Feature.RANGE, Priority.P2,
            "`bytes=0-9,10-19` may be answered 206 `multipart/byteranges` (each part with `Content-Type` and `Content-Range`) or 206/200 with a single representation; when multipart, the parts carry the right bytes."),
    DDI_DOWNLOAD_07("If-Match", Level.SHOULD, "SHOULD", Area.DOWNLOAD, null, Priority.P1,
            "`If-Match` naming the artifact's current entity-tag (or `*`) is honoured (200, full body); a value that matches nothing answers 412. RFC 9110 compares the quoted entity-tag as sent in `ETag`; hawkBit compares the bare SHA-1 instead (§5 Q-03). Either form counts as \"naming the current entity-tag\", so that neither hawkBit nor an RFC-conformant server is warned for its choice."),
    DDI_DOWNLOAD_08("If-None-Match", Level.MAY, "MAY", Area.DOWNLOAD, null, Priority.P2,
            "A server may answer `If-None-Match: <current ETag>` with 304 (no body); answering 200 with the full body is also conformant."),
    DDI_DOWNLOAD_09("If-Range", Level.MAY, "MAY", Area.DOWNLOAD, Feature.RANGE, Priority.P2,
            "`If-Range` with the current ETag plus `Range` → 206; with a stale validator → 200 full body."),
    DDI_DOWNLOAD_10("Checksum file", Level.SHOULD, "SHOULD (offered) / MUST (correct when offered)", Area.DOWNLOAD, null, Priority.P1,
            "GET on the checksum href answers 200, `Content-Type: text/plain`, body `<md5-hex>␠␠<filename>` (two spaces, as produced by `md5sum`), optionally followed by a newline; the hex equals `hashes.md5` and the MD5 of the downloaded bytes; `Content-Disposition` names `<filename>.MD5SUM`."),
    DDI_DOWNLOAD_11("Access requires an assignment", Level.MUST, "MUST", Area.DOWNLOAD, null, Priority.P1,
            "Artifacts of a module that is not part of an open action of C are not served (404, 403 accepted), with and without `Range`; an unknown module id or unknown file name answers 404."),
    DDI_DOWNLOAD_12("Artifact list resource", Level.SHOULD, "SHOULD", Area.DOWNLOAD, null, Priority.P1,
            "`GET {base}/softwaremodules/{M}/artifacts` for a module of C's open action answers 200 with an array holding the same artifacts (filename, size, hashes) as the chunk in `deploymentBase`; for a module of C's installed set it also answers 200; otherwise 404."),
    DDI_DOWNLOAD_13("Only GET on artifacts", Level.SHOULD, "SHOULD", Area.DOWNLOAD, null, Priority.P1,
            "Artifact and checksum paths support GET only (HEAD optional); other methods are answered 405."),
    DDI_DOWNLOAD_14("Download after the action is no longer open", Level.MAY, "MAY", Area.DOWNLOAD, null, Priority.P2,
            "Whether artifacts stay downloadable after the action was cancelled, is being cancelled, or was installed is implementation-defined; the suite does not assert it (INFO only)."),
    DDI_DOWNLOAD_15("Downloads are recorded (informational)", Level.MAY, "MAY", Area.DOWNLOAD, null, Priority.P2,
            "A server may record a DOWNLOAD status entry when the device downloads; checks reading the status history tolerate it."),
    DDI_CONFIG_01("configData link for a new controller", Level.SHOULD, "SHOULD", Area.CONFIG, null, Priority.P1,
            "A controller whose attributes the server has never received gets `_links.configData` on its poll; the href path ends with `/{T}/controller/v1/{C}/configData`."),
    DDI_CONFIG_02("Uploading attributes; link disappears", Level.MUST, "MUST", Area.CONFIG, null, Priority.P1,
            "`PUT {base}/configData` with `CD(-, {\"hwRevision\":\"2\",\"serial\":\"ddict-<n>\"})` answers 200 (2xx accepted); the stored attributes equal the sent map; the next poll no longer offers `configData`."),
    DDI_CONFIG_03("Default mode is merge", Level.MUST, "MUST", Area.CONFIG, null, Priority.P1,
            "Without `mode`, new keys are added, existing keys with new values are updated, other existing keys remain."),
    DDI_CONFIG_04("merge", Level.MUST, "MUST", Area.CONFIG, null, Priority.P1,
            "`merge` adds new keys, overwrites the given keys and keeps all others."),
    DDI_CONFIG_05("replace", Level.MUST, "MUST", Area.CONFIG, null, Priority.P1,
            "`replace` makes the stored attributes exactly the given map."),
    DDI_CONFIG_06("remove", Level.MUST, "MUST", Area.CONFIG, null, Priority.P1,
            "`remove` deletes the given keys (their values are ignored) and keeps all others."),
    DDI_CONFIG_07("Invalid mode", Level.MUST, "MUST", Area.CONFIG, null, Priority.P1,
            "An unknown `mode` is refused with 400 and nothing is stored."),
    DDI_CONFIG_08("Missing or empty data", Level.MUST, "MUST", Area.CONFIG, null, Priority.P1,
            "A body without `data`, or with an empty `data` object, is refused with 400 and nothing is stored."),
    DDI_CONFIG_09("Attribute size limits", Level.SHOULD, "SHOULD", Area.CONFIG, null, Priority.P1,
            "Keys and values up to 128 characters are accepted; longer ones are refused with 400."),
    DDI_CONFIG_10("Attributes are requested again after a successful update", Level.SHOULD, "SHOULD", Area.CONFIG, null, Priority.P1,
            "After the device sent its attributes, the link is absent; after an action of C closes with FINISHED (or a download-only action with DOWNLOADED) the link is offered again; after ERROR it is not."),
    DDI_CONFIG_11("Operator can request attributes", Level.SHOULD, "SHOULD", Area.CONFIG, null, Priority.P1,
            "When the operator asks for the device's attributes again, the next poll offers `configData`."),
    DDI_CONFIG_12("configData methods and media types", Level.SHOULD, "SHOULD", Area.CONFIG, null, Priority.P1,
            "Only PUT is supported on `configData`, and only with a JSON (or CBOR) body."),
    DDI_CONFIG_13("Attribute quota", Level.MAY, "MAY", Area.CONFIG, null, Priority.P2,
            "A server may cap the number of attributes; exceeding it yields 429 (hawkBit default 100, errorCode `hawkbit.server.error.quota.tooManyEntries`)."),
    DDI_INSTALLED_01("Link and document after a successful installation", Level.MUST, "MUST", Area.INSTALLED, Feature.INSTALLED, Priority.P1,
            "After A closes with FINISHED, the poll offers `installedBase` with V-ID == A; following it returns 200 with `id == \"A\"` and the same chunks (names, versions, artifacts) as A's deployment."),
    DDI_INSTALLED_02("No installed document for open or cancelled actions", Level.MUST, "MUST", Area.INSTALLED, Feature.INSTALLED, Priority.P1,
            "`installedBase/{A}` answers 404 while A is open, after A was cancelled, and for an unknown id."),
    DDI_INSTALLED_03("The link follows the latest success; older ones stay readable", Level.SHOULD, "SHOULD", Area.INSTALLED, Feature.INSTALLED, Priority.P1,
            "After a second successful action A2 (different distribution set) the link points to A2; `installedBase/{A1}` still answers 200. A later open action does not move the link (it stays on the last success while the new action's `deploymentBase` is offered alongside)."),
    DDI_INSTALLED_04("Failed or download-only actions are not \"installed\"", Level.MUST, "MUST", Area.INSTALLED, Feature.INSTALLED, Priority.P1,
            "A controller whose only action closed with ERROR, or whose only action was a download-only action closed with DOWNLOADED, gets no `installedBase` link."),
    DDI_INSTALLED_05("Installed without device work (operator offline assignment)", Level.MAY, "MAY", Area.INSTALLED, Feature.INSTALLED, Priority.P2,
            "When the operator records a distribution set as already installed, the controller gets an `installedBase` link to a closed action and no `deploymentBase`."),
    DDI_INSTALLED_06("Device-declared running version", Level.MAY, "MAY", Area.INSTALLED, Feature.OFFLINE, Priority.P2,
            "`PUT {base}/installedBase` with `{\"name\":\"<ds name>\",\"version\":\"<ds version>\"}` records that the device runs that distribution set: 201 when newly recorded, 200 when it was already assigned, 404 for an unknown name/version."),
    DDI_INSTALLED_07("Only GET on installedBase/{A}", Level.SHOULD, "SHOULD", Area.INSTALLED, Feature.INSTALLED, Priority.P1,
            "`installedBase/{A}` supports GET only."),
    DDI_CONFIRM_01("Action awaiting consent → confirmationBase link", Level.MUST, "MUST", Area.CONFIRM, Feature.CONFIRM, Priority.P2,
            "The poll offers `confirmationBase` with V-ID == A and no `deploymentBase`."),
    DDI_CONFIRM_02("Consent document", Level.MUST, "MUST", Area.CONFIRM, Feature.CONFIRM, Priority.P2,
            "`GET {base}/confirmationBase/{A}` → 200, `id == \"A\"`, `confirmation` holds the deployment (same rules as DDI-DEPLOY-01..09; `download`/`update` per action type)."),
    DDI_CONFIRM_03("No deployment before consent", Level.MUST, "MUST", Area.CONFIRM, Feature.CONFIRM, Priority.P2,
            "While A awaits consent the deployment channel is closed to it: GET answers 404 and feedback is refused without effect."),
    DDI_CONFIRM_04("confirmed moves the action to the update flow", Level.MUST, "MUST", Area.CONFIRM, Feature.CONFIRM, Priority.P2,
            "`confirmed` moves A into the update flow: 200, recorded RUNNING, `deploymentBase` offered, the consent document gone."),
    DDI_CONFIRM_05("denied keeps the action waiting", Level.MUST, "MUST", Area.CONFIRM, Feature.CONFIRM, Priority.P2,
            "`denied` is answered 200, recorded as waiting for confirmation, and A stays in the consent state (neither closed nor moved to the update flow)."),
    DDI_CONFIRM_06("Revoking an earlier consent", Level.MAY, "MAY", Area.CONFIRM, Feature.CONFIRM, Priority.P2,
            "`denied` after `confirmed` (before installation) may return the action to the consent state."),
    DDI_CONFIRM_07("Confirmation feedback outside the consent state", Level.MUST, "MUST (4xx, no change) / SHOULD (exact codes)", Area.CONFIRM, Feature.CONFIRM, Priority.P2,
            "Confirmation feedback for a closed action → 410 SHOULD; `confirmed` for an open action that is not awaiting consent → 404 SHOULD; `denied` for an action being cancelled → 404 SHOULD; in each case nothing changes."),
    DDI_CONFIRM_08("Confirmation base resource", Level.MUST, "MUST", Area.CONFIRM, Feature.CONFIRM, Priority.P2,
            "`GET {base}/confirmationBase` → 200 with `autoConfirm.active == false`, an `activateAutoConfirm` link (no `deactivateAutoConfirm`), and `confirmationBase` → A while A awaits consent."),
    DDI_CONFIRM_09("Activating auto-confirmation", Level.MUST, "MUST", Area.CONFIRM, Feature.CONFIRM, Priority.P2,
            "`POST {base}/confirmationBase/activateAutoConfirm` (optional body `{\"initiator\":\"ddict\",\"remark\":\"ddict-<n>\"}`) → 200; afterwards `confirmationBase` shows `active: true` with the given initiator/remark, an integer `activatedAt`, and a `deactivateAutoConfirm` link; actions that were awaiting consent are confirmed (next poll: `deploymentBase` for A); new assignments requiring consent go straight to the update flow."),
    DDI_CONFIRM_10("Activating twice", Level.SHOULD, "SHOULD", Area.CONFIRM, Feature.CONFIRM, Priority.P2,
            "Activating auto-confirmation while it is already active is refused (409) and changes nothing."),
    DDI_CONFIRM_11("Deactivating auto-confirmation", Level.MUST, "MUST", Area.CONFIRM, Feature.CONFIRM, Priority.P2,
            "Deactivation switches auto-confirmation off; later consent-requiring actions wait again."),
    DDI_CONFIRM_12("Invalid confirmation feedback", Level.MUST, "MUST", Area.CONFIRM, Feature.CONFIRM, Priority.P2,
            "Confirmation feedback with an unknown or missing `confirmation` value is refused with 400."),
    DDI_CONFIRM_13("No consent flow → no consent links", Level.MUST, "MUST", Area.CONFIRM, null, Priority.P1,
            "An action created without consent requirement never produces `confirmationBase`; its `confirmationBase/{A}` answers 404."),
    DDI_CONFIRM_14("Disabling the flow does not strand waiting actions", Level.SHOULD, "SHOULD", Area.CONFIRM, Feature.CONFIRM, Priority.P2,
            "Actions created while the flow was on remain confirmable after the operator switches the flow off."),
    DDI_ERROR_01("Error body format (ExceptionInfo)", Level.SHOULD, "SHOULD", Area.ERROR, null, Priority.P1,
            "When an error the DDI application raises (the situations in the table below) has a JSON body, it is an object with string fields `exceptionClass`, `errorCode`, `message` and an optional object `info`; empty error bodies are allowed. `errorCode` SHOULD use hawkBit's codes for these situations so that device clients written against hawkBit keep working. Errors produced by the web framework before the DDI code runs (unmapped path, wrong method, unsupported media type, rejected URL) may carry the framework's own body."),
    DDI_ERROR_02("Malformed JSON", Level.MUST, "MUST", Area.ERROR, null, Priority.P0,
            "A syntactically invalid JSON body on any body-carrying DDI endpoint is answered 400 and changes nothing."),
    DDI_ERROR_03("Missing required fields", Level.MUST, "MUST", Area.ERROR, null, Priority.P0,
            "Feedback without `status`, without `status.execution`, without `status.result`, or without `status.result.finished` → 400, nothing recorded. (configData: DDI-CONFIG-08; confirmation: DDI-CONFIRM-12.)"),
    DDI_ERROR_04("Invalid enumeration values", Level.MUST, "MUST", Area.ERROR, null, Priority.P0,
            "An unknown `execution` (`\"546456456\"`, `\"finished\"`) or `finished` value (`\"maybe\"`) → 400, nothing recorded. Upper-case spellings of valid values (`\"CLOSED\"`) are not portable: the suite sends lower case only and treats the server's answer to upper case as INFO (§6 D-08)."),
    DDI_ERROR_05("Unsupported request media type", Level.MUST, "MUST", Area.ERROR, null, Priority.P0,
            "A body sent with a media type the endpoint does not consume (`application/xml`, `application/atom+xml`, `text/plain`) → 415, nothing changes."),
    DDI_ERROR_06("Unsupported method", Level.MUST, "MUST", Area.ERROR, null, Priority.P0,
            "Methods not defined for a path (§1.2) → 405 (with valid credentials). Examples: POST/PUT/DELETE on `{base}`, `deploymentBase/{A}`, `cancelAction/{A}`, `installedBase/{A}`; GET/PUT/DELETE on `…/feedback`; GET/POST/DELETE on `configData`."),
    DDI_ERROR_07("Unacceptable Accept", Level.SHOULD, "SHOULD", Area.ERROR, null, Priority.P1,
            "A JSON resource requested with an `Accept` header the server cannot satisfy is answered 406."),
    DDI_ERROR_08("Unknown resources → 404", Level.MUST, "MUST", Area.ERROR, null, Priority.P0,
            "For a known controller: an action id that does not exist → 404 on `deploymentBase`, `cancelAction`, `installedBase`, `confirmationBase` and on all three feedback channels; an unknown software module → 404. A 404 MUST NOT be answered as 200 with an empty or placeholder body."),
    DDI_ERROR_09("Malformed path parameters", Level.MUST, "MUST", Area.ERROR, null, Priority.P1,
            "A non-numeric or out-of-range action id (`/deploymentBase/abc`, `/deploymentBase/99999999999999999999`) is answered with 400 or 404 (never 5xx, never 2xx)."),
    DDI_ERROR_10("Client errors never produce 5xx", Level.MUST, "MUST", Area.ERROR, null, Priority.P0,
            "None of the negative requests in this catalogue (bad bodies, bad ids, wrong methods, media types, foreign actions, closed actions) is answered with a 5xx status."),
    DDI_ERROR_11("Rate limiting is reported as 429", Level.MAY, "MAY", Area.ERROR, null, Priority.P2,
            "A server may throttle clients; it then answers 429. The suite treats 429 as \"retry later\": it retries with back-off (bounded) and reports INCONCLUSIVE, not FAIL, if throttling persists."),

    // ---- the suite's own requirements (not in REQUIREMENTS.md); constructor as above, area CLIENT or SECURITY ----
    // CLIENT (client-compatibility lint: level SHOULD, the statement names the client(s) protected)
    SUITE_CLIENT_01("Polling sleep is a time of day HH:MM:SS", Level.SHOULD, "SHOULD", Area.CLIENT, null, Priority.P1,
            "In every state (idle, action open, after the action closed) `config.polling.sleep` is exactly `HH:MM:SS` with hours 00–23 (at most 23:59:59, hawkBit's own upper bound) and not 00:00:00. Protects the hawkBit SDK (`LocalTime.parse(sleep)`: hours 24+ throw), SWUpdate (`strptime(sleep, \"%H:%M:%S\")`: a failed parse rejects the poll as malformed), rauc-hawkbit-updater (`strptime(sleep, \"%T\")`) and Zephyr (exactly 8 characters read at offsets 0/3/6; a zero sleep is ignored). DDI-BASE-09 admits any two-digit hours (enough for hawkbit-rs, which splits at ':' into three numbers)."),
    SUITE_CLIENT_02("deploymentBase hrefs carry a query", Level.SHOULD, "SHOULD", Area.CLIENT, null, Priority.P1,
            "The `deploymentBase` href of an open action carries a query (hawkBit: `?c=<int>`). Protects the hawkBit SDK device (`DdiController.getActionId`: `href.substring(href.lastIndexOf('/') + 1, href.indexOf('?'))`, which throws when the href has no `?`)."),
    SUITE_CLIENT_03("cancelAction hrefs carry no query", Level.SHOULD, "SHOULD", Area.CLIENT, null, Priority.P1,
            "The `cancelAction` href ends with `/cancelAction/{A}` and carries no query (as hawkBit offers it). Protects SWUpdate (suricatta posts its cancel acknowledgement to `<cancelAction href>/feedback`; with a query, `…/cancelAction/{A}?c=1/feedback` is a POST on the cancel instruction itself, so the cancellation is never acknowledged)."),
    SUITE_CLIENT_04("Artifacts offer a download-http link", Level.SHOULD, "SHOULD", Area.CLIENT, null, Priority.P1,
            "Every artifact of a deployment offers `_links.download-http` (hawkBit offers it on every artifact; `download`, for https, only in addition). Protects SWUpdate built without SSL (suricatta: \"No artifact download HTTP URL reported by server\") and Zephyr (reads only `download-http`; \"Missing expected download-http href\")."),
    SUITE_CLIENT_05("Action ids are canonical decimals within 32 bits", Level.SHOULD, "SHOULD", Area.CLIENT, null, Priority.P2,
            "The action id, wherever it appears (last segment of the `deploymentBase` / `cancelAction` href, `id`, `cancelAction.stopId`), is the same canonical decimal string (digits only, no sign, no leading zero, any number of digits) of a number between 1 and 2147483647. Protects Zephyr (`strtol` into an `int32_t action_id`, kept in NVS; ids <= 0 rejected) and SWUpdate (`json_object_get_int` into an `int`, sent back as `\"id\": %d`)."),
    SUITE_CLIENT_06("Hrefs fit Zephyr's fixed buffers", Level.SHOULD, "SHOULD", Area.CLIENT, null, Priority.P2,
            "Measured as Zephyr's hawkBit client copies them: the `deploymentBase` and `cancelAction` hrefs from `deploymentBase/` resp. `cancelAction/` on are at most 49 bytes (DEPLOYMENT_BASE_SIZE / CANCEL_BASE_SIZE 50), and the `download-http` href from `/{tenant}/controller/v1` on is at most 199 bytes (DOWNLOAD_HTTP_SIZE 200), for a controllerId of the suite's usual 30 characters and an artifact named `zephyr.signed.bin`. Longer hrefs make Zephyr fail the poll or the deployment with -ENOMEM."),
    SUITE_CLIENT_07("Feedback with a numeric legacy id is accepted", Level.SHOULD, "SHOULD", Area.CLIENT, null, Priority.P1,
            "Deployment and cancel feedback carrying the legacy `\"id\"` as a JSON number plus `\"time\"` (SWUpdate's suricatta sends `{\"id\": %d, \"time\": \"%Y%m%dT%H%M%S\", \"status\": …}` on both channels) is accepted and processed like the same body without them. The string form (rauc-hawkbit-updater, Zephyr) is DDI-SCHEMA-10's; the form without `id` (hawkBit SDK) is what every other check sends."),
    // SECURITY
    SUITE_SEC_01("Another controller's token opens none of this controller's resources", Level.MUST, "MUST", Area.SECURITY, Feature.TOKEN, Priority.P0,
            "With controller B's own valid `TargetToken`, every DDI resource of controller A is refused with 401, 403 or 404 (hawkBit: 401): GET base, `deploymentBase/{A}`, `cancelAction/{A}`, `installedBase/{A}`, `confirmationBase`, `confirmationBase/{A}`, the artifact list, the artifact and its `.MD5SUM`; POST `deploymentBase/{A}/feedback`, `cancelAction/{A}/feedback`, `confirmationBase/activateAutoConfirm`; PUT `configData`, `installedBase`. A 2xx leaks or changes another device's data, so MUST: afterwards A's actions, status history, attributes and auto-confirmation are unchanged. (DDI-CTRLID-04 covers the base and deploymentBase only; this extends it to every endpoint.) No 5xx."),
    SUITE_SEC_02("Path traversal and encoded separators reach nothing", Level.MUST, "MUST (never 2xx, never 5xx) / SHOULD (4xx)", Area.SECURITY, null, Priority.P0,
            "A controllerId or artifact file name carrying `..`, `%2e%2e`, an encoded separator (`%2F`, `%5C`) or `;` (e.g. `{A}/../{B}`, `{A}%2F..%2F{B}`, `artifacts/..%2F..%2F{module of B}%2Fartifacts%2F{file}`, `artifacts/..%2F..%2F..%2Fetc%2Fpasswd`), sent with controller A's own token, names no resource A may read: it is never answered 2xx (that would serve another controller's or the host's data) nor 5xx — MUST, because either is a breach. It SHOULD be refused with a 4xx (hawkBit: 400 from the URL firewall, or 404); a redirect to a normalised URL is tolerated with a warning."),
    SUITE_SEC_03("Oversized headers and bodies are refused cleanly", Level.MUST, "MUST (no 5xx, no hang, still serving) / SHOULD (4xx)", Area.SECURITY, null, Priority.P1,
            "A request with a 64 KiB header and a 10 MiB `configData` body (one attribute value of 10 MiB) are answered within the timeout without a 5xx (closing the connection is accepted), and the server serves the controller's next poll — MUST, because a crash or a hang is a denial of service any device can cause. Refusing with a 4xx (400, 413, 431) is only a SHOULD: accepting large requests is a resource policy, not a breach (hawkBit: 400 from Tomcat for the header; 400 for the attribute value over 128 characters)."),
    SUITE_SEC_04("Credentials in the query string are not accepted", Level.MUST, "MUST (no 5xx) / SHOULD (401)", Area.SECURITY, Feature.TOKEN, Priority.P1,
            "A request without an `Authorization` header but with the controller's own token in the query string (`?token=`, `?TargetToken=`, `?access_token=`) is not authenticated: 401 (403 accepted), and no 5xx. The refusal is a SHOULD, not a MUST: the token still opens only its own controller, the harm is that URLs end up in access and proxy logs, where the credential leaks (RFC 6750 §2.3 discourages it; DDI defines the header only)."),
    ; // every constant above ends with a comma, so that new ones can be added in their area's section

    private final String title;
    private final Level level;
    private final String levelText;
    private final Area area;
    private final Feature feature;
    private final Priority priority;
    private final String statement;

    Req(String title, Level level, String levelText, Area area, Feature feature, Priority priority, String statement) {
        this.title = title;
        this.level = level;
        this.levelText = levelText;
        this.area = area;
        this.feature = feature;
        this.priority = priority;
        this.statement = statement;
    }

    /** The catalogue ID, e.g. {@code DDI-STATE-01}. */
    public String id() {
        return name().replace('_', '-');
    }

    public String title() {
        return title;
    }

    /** The level of the requirement's main statement; {@link #levelText()} names split levels. */
    public Level level() {
        return level;
    }

    public String levelText() {
        return levelText;
    }

    public Area area() {
        return area;
    }

    /** The optional feature this requirement belongs to, or empty for Core. */
    public Optional<Feature> feature() {
        return Optional.ofNullable(feature);
    }

    public Priority priority() {
        return priority;
    }

    public String statement() {
        return statement;
    }

    public String scope() {
        return feature == null ? "Core" : "Opt:" + feature.name();
    }

    /** {@code true} for the 162 requirements of {@code REQUIREMENTS.md}; {@code false} for the suite's own ({@code SUITE-…}). */
    public boolean catalogue() {
        return area.catalogue();
    }

    public static Optional<Req> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id().equalsIgnoreCase(id.trim())).findFirst();
    }

    @Override
    public String toString() {
        return id();
    }
}
