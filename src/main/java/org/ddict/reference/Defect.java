package org.ddict.reference;

import static org.ddict.catalogue.Req.*;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.ddict.catalogue.Req;

/**
 * Deliberate deviations of the reference server, each aimed at the requirement(s) it breaks.
 * The self-validation proves that a run against a defect fails exactly {@link #targets()}
 * (for a defect aimed at a SHOULD requirement: warns on it) and nothing else.
 */
public enum Defect {
    // BASE
    REPEAT_POLL_NOT_MODIFIED("repeat-poll-not-modified",
            "every poll after a controller's first answers 304 with an empty body, even without If-None-Match", DDI_BASE_01),
    POLL_CONTENT_TYPE_TEXT("poll-content-type-text",
            "the controller base is served as text/plain (the body is still JSON)", DDI_BASE_02),
    IDLE_PHANTOM_ACTION_LINK("idle-phantom-action-link",
            "a controller that never had an action is offered deploymentBase/0", DDI_BASE_03),
    DEPLOYMENT_LINK_TRAILING_SLASH("deployment-link-trailing-slash",
            "the deploymentBase href ends with '/' so its last path segment is not the action id", DDI_BASE_04),
    TWO_ACTION_LINKS("two-action-links",
            "while an older action is cancelled by a superseding one, the poll offers cancelAction and deploymentBase together", DDI_BASE_05),
    LINKS_LOWER_CASE_CONTROLLER("links-lower-case-controller",
            "links carry the controllerId lower-cased (lookups are case-insensitive, so they still work)", DDI_BASE_06),
    SLEEP_AS_SECONDS("sleep-as-seconds",
            "config.polling.sleep is rendered as a number of seconds (\"30\") instead of HH:MM:SS", DDI_BASE_09),
    BASE_ACCEPTS_POST("base-accepts-post",
            "POST, PUT and DELETE on the controller base answer 200 instead of 405", DDI_BASE_12),
    POLL_RECORDS_STATUS("poll-records-status",
            "every poll appends a 'retrieved' entry to the status history of the open action", DDI_BASE_13),
    // BASE (issue 3: P1/P2)
    DEPLOYMENT_WITHOUT_C_NO_ARTIFACTS("deployment-without-c-no-artifacts",
            "GET deploymentBase/{A} without the c query parameter answers 200 with every chunk's artifact list empty", DDI_BASE_07),
    CACHE_KEY_CONSTANT("cache-key-constant",
            "the c value of the deploymentBase href never changes (a soft → forced switch keeps the href)", DDI_BASE_07),
    POLL_IGNORES_IF_NONE_MATCH("poll-ignores-if-none-match",
            "the poll never answers 304: If-None-Match with the current ETag gets the full body again", DDI_BASE_08),
    SLEEP_IGNORES_POLLING_TIME("sleep-ignores-polling-time",
            "config.polling.sleep is always the system default 00:05:00, whatever the tenant's pollingTime", DDI_BASE_10),
    MAINTENANCE_SLEEP_LONGER("maintenance-sleep-longer",
            "while the action waits for its maintenance window the sleep is twice the configured interval", DDI_BASE_11),
    CBOR_POLL_AS_JSON("cbor-poll-as-json",
            "Accept: application/cbor on the poll gets the JSON text labelled application/cbor", DDI_BASE_14),
    FIRST_POLL_NOT_RECORDED("first-poll-not-recorded",
            "polls of an operator-created controller leave its state unknown and its last-request time unset", DDI_BASE_15),

    // SCHEMA
    POLL_WITHOUT_POLLING_CONFIG("poll-without-polling-config",
            "the controller base has \"config\":{} without the polling object", DDI_SCHEMA_01),
    DEPLOYMENT_WITHOUT_UPDATE("deployment-without-update",
            "the deployment document omits deployment.update", DDI_SCHEMA_02),
    CANCEL_WITHOUT_STOP_ID("cancel-without-stop-id",
            "the cancel document omits cancelAction.stopId", DDI_SCHEMA_03),
    ARTIFACT_LIST_WITHOUT_HASHES("artifact-list-without-hashes",
            "the artifact list resource omits the hashes of each artifact", DDI_SCHEMA_07),
    ENUM_UPPER_CASE("enum-upper-case",
            "deployment.download and deployment.update are upper-case (\"ATTEMPT\")", DDI_SCHEMA_08),
    ARTIFACT_SIZE_AS_STRING("artifact-size-as-string",
            "artifact size is a JSON string (\"4100\")", DDI_SCHEMA_09),
    FEEDBACK_REJECTS_UNKNOWN_FIELDS("feedback-rejects-unknown-fields",
            "feedback bodies with unknown properties (legacy id/time) are refused with 400", DDI_SCHEMA_10),
    // SCHEMA (issue 3: P1/P2)
    ERROR_INFO_AS_STRING("error-info-as-string",
            "entity-not-found error bodies carry info as a string instead of an object", DDI_SCHEMA_11, DDI_ERROR_01),

    // DEPLOY
    DEPLOYMENT_EXTRA_CHUNK("deployment-extra-chunk",
            "the deployment carries one extra chunk that belongs to no module of the set", DDI_DEPLOY_01),
    SOFT_AS_FORCED("soft-as-forced",
            "a soft assignment is delivered as forced/forced", DDI_DEPLOY_02),
    FORCED_AS_ATTEMPT("forced-as-attempt",
            "a forced assignment is delivered as attempt/attempt (also after a switch to forced)", DDI_DEPLOY_03, DDI_BASE_07),
    CHUNK_NAME_IS_TYPE("chunk-name-is-type",
            "chunk name is the module type key instead of the module name", DDI_DEPLOY_07),
    ARTIFACT_SHA1_WRONG("artifact-sha1-wrong",
            "the deployment reports a wrong SHA-1 for every artifact", DDI_DEPLOY_08),
    ARTIFACT_LINK_BROKEN("artifact-link-broken",
            "artifact download links point at a file name that does not exist (404)", DDI_DEPLOY_09),
    DEPLOYMENT_SERVED_AFTER_CANCEL("deployment-served-after-cancel",
            "GET deploymentBase/{A} answers 200 after A was cancelled", DDI_DEPLOY_12),
    DEPLOYMENT_SERVED_WHILE_CANCELING("deployment-served-while-canceling",
            "GET deploymentBase/{A} answers 200 while A is being cancelled", DDI_DEPLOY_12, DDI_CANCEL_03),
    DEPLOYMENT_ACCEPTS_DELETE("deployment-accepts-delete",
            "POST, PUT and DELETE on deploymentBase/{A} answer 200 instead of 405", DDI_DEPLOY_13),
    // DEPLOY (issue 3: P1/P2)
    TIME_FORCED_STAYS_SOFT("time-forced-stays-soft",
            "a time-forced action is delivered as attempt/attempt also after its force time", DDI_DEPLOY_04),
    DOWNLOAD_ONLY_UPDATES("download-only-updates",
            "a download-only assignment is delivered as forced/forced", DDI_DEPLOY_05),
    MAINTENANCE_WINDOW_IGNORED("maintenance-window-ignored",
            "the maintenance window of an assignment is ignored: no maintenanceWindow property, update as without a window",
            DDI_DEPLOY_06),
    HIDDEN_METADATA_VISIBLE("hidden-metadata-visible",
            "module metadata that is not target visible appears in the chunk's metadata too", DDI_DEPLOY_10),
    ENCRYPTED_FLAG_MISSING("encrypted-flag-missing",
            "chunks of modules created with encrypted: true carry no encrypted flag", DDI_DEPLOY_11),
    RETRIEVAL_NOT_RECORDED("retrieval-not-recorded",
            "GET deploymentBase appends no 'retrieved' entry to the action's status history", DDI_DEPLOY_14),

    // STATE
    CLOSED_SUCCESS_KEEPS_OPEN("closed-success-keeps-open",
            "closed+success is recorded FINISHED but the action stays open", DDI_STATE_01),
    CLOSED_NONE_AS_FAILURE("closed-none-as-failure",
            "closed+none is recorded ERROR and fails the action", DDI_STATE_02),
    CLOSED_FAILURE_AS_SUCCESS("closed-failure-as-success",
            "closed+failure is recorded FINISHED and installs the set", DDI_STATE_03),
    PROCEEDING_AS_DOWNLOAD("proceeding-as-download",
            "proceeding is recorded DOWNLOAD instead of RUNNING", DDI_STATE_04),
    SCHEDULED_AS_WARNING("scheduled-as-warning",
            "scheduled is recorded WARNING instead of RUNNING", DDI_STATE_05),
    RESUMED_REFUSED("resumed-refused",
            "resumed is refused with 400", DDI_STATE_06),
    DOWNLOAD_AS_RUNNING("download-as-running",
            "download is recorded RUNNING instead of DOWNLOAD", DDI_STATE_07),
    DOWNLOADED_CLOSES_UPDATE("downloaded-closes-update",
            "downloaded closes an ordinary (soft/forced) action", DDI_STATE_08),
    DOWNLOAD_ONLY_STAYS_OPEN("download-only-stays-open",
            "downloaded leaves a download-only action open", DDI_STATE_09),
    REJECTED_MAPS_TO_ERROR("rejected-maps-to-error",
            "rejected is recorded ERROR and closes the action", DDI_STATE_10),
    CANCELED_MAPS_TO_ERROR("canceled-maps-to-error",
            "canceled on the deployment channel is recorded ERROR", DDI_STATE_11),
    FEEDBACK_ON_CLOSED_ACCEPTED("feedback-on-closed-accepted",
            "deployment feedback on a closed action is answered 200 and stored", DDI_STATE_12),
    FEEDBACK_ANSWERS_500("feedback-answers-500",
            "accepted deployment feedback is stored but answered with 500", DDI_STATE_13),
    DETAILS_DROPPED("details-dropped",
            "status.details are not stored; the server stores its own default message instead", DDI_STATE_14),
    PROGRESS_REFUSED("progress-refused",
            "feedback carrying result.progress is refused with 400", DDI_STATE_16),
    TIMESTAMP_REFUSED("timestamp-refused",
            "feedback carrying a timestamp is refused with 400", DDI_STATE_17),
    // STATE (issue 3: P1/P2)
    STATUS_CODE_DROPPED("status-code-dropped",
            "status.code is accepted but neither stored with the status entry nor as the action's last status code", DDI_STATE_15),
    NEXT_ACTION_NOT_OFFERED("next-action-not-offered",
            "after a required migration step is closed, the poll offers none of the controller's other open actions", DDI_STATE_18),
    TARGET_STATE_STALE("target-state-stale",
            "a successful close leaves the target 'pending' instead of 'in_sync'", DDI_STATE_19),
    QUOTA_EXCEEDED_STILL_STORED("quota-exceeded-still-stored",
            "feedback over the message quota is answered 429 but its status entry is stored anyway", DDI_STATE_20),

    // CANCEL
    NO_CANCEL_LINK("no-cancel-link",
            "a cancelling action is offered to the device through no link at all", DDI_CANCEL_01),
    CANCEL_STOP_ID_WRONG("cancel-stop-id-wrong",
            "cancelAction.stopId names another action id", DDI_CANCEL_02),
    CANCEL_FEEDBACK_IGNORED("cancel-feedback-ignored",
            "closed on the cancel channel is answered 200 but changes nothing", DDI_CANCEL_04),
    CANCEL_REJECTED_CLOSES("cancel-rejected-closes",
            "rejected on the cancel channel closes the action as CANCELED", DDI_CANCEL_05),
    CANCEL_FAILURE_CANCELS("cancel-failure-cancels",
            "closed+failure on the cancel channel closes the action as CANCELED", DDI_CANCEL_06),
    CANCEL_CANCELED_AS_ERROR("cancel-canceled-as-error",
            "canceled on the cancel channel is recorded ERROR", DDI_CANCEL_07),
    CANCEL_PROCEEDING_CLOSES("cancel-proceeding-closes",
            "proceeding on the cancel channel closes the action as CANCELED", DDI_CANCEL_08),
    CANCEL_FEEDBACK_ON_RUNNING_ACCEPTED("cancel-feedback-on-running-accepted",
            "cancel feedback for an action that is not being cancelled is accepted and cancels it", DDI_CANCEL_09),
    CANCEL_FEEDBACK_REOPENS_FINISHED("cancel-feedback-reopens-finished",
            "cancel feedback on a FINISHED action is accepted and relabels it CANCELED", DDI_CANCEL_10),
    CANCEL_INSTRUCTION_FOR_RUNNING("cancel-instruction-for-running",
            "GET cancelAction/{A} answers 200 for an open action that is not being cancelled", DDI_CANCEL_11),
    CLOSED_ACTION_CANCELABLE("closed-action-cancelable",
            "the back office accepts a cancel of a FINISHED action and offers cancelAction for it", DDI_CANCEL_12),
    // CANCEL (issue 3: P1/P2)
    LAPSED_SCHEDULE_KEPT("lapsed-schedule-kept",
            "an action whose only maintenance window has passed stays in the update flow", DDI_CANCEL_16),
    FORCE_QUIT_KEEPS_OPEN("force-quit-keeps-open",
            "a force quit records its 'canceled' entry but leaves the action open and cancelling", DDI_CANCEL_13),
    SUPERSEDE_KEEPS_OLD_RUNNING("supersede-keeps-old-running",
            "a new assignment leaves the open action running instead of cancelling it", DDI_CANCEL_14, DDI_BASE_05),
    // CANCEL (issue 4: a recorded type that is neither the published table's nor hawkBit's reading of a divergence)
    CANCEL_DOWNLOAD_AS_WARNING("cancel-download-as-warning",
            "download and downloaded on the cancel channel are recorded as WARNING (published table: DOWNLOAD/DOWNLOADED, hawkBit: RUNNING)",
            DDI_CANCEL_08),

    // HISTORY (issue 3)
    HISTORY_ALWAYS_INCLUDED("history-always-included",
            "deployment documents carry every device message in actionHistory even when the request does not ask for it", DDI_HISTORY_01),
    HISTORY_OLDEST_FIRST("history-oldest-first",
            "actionHistory=N returns the N newest messages, but listed oldest first", DDI_HISTORY_02),
    HISTORY_NEGATIVE_EMPTY("history-negative-empty",
            "a negative actionHistory is treated like 0: no history at all", DDI_HISTORY_03),
    HISTORY_MESSAGES_PREFIXED("history-messages-prefixed",
            "actionHistory messages are prefixed with the status type (\"RUNNING: <detail>\")", DDI_HISTORY_04),
    INSTALLED_HISTORY_IGNORED("installed-history-ignored",
            "installedBase/{A} ignores the actionHistory parameter", DDI_HISTORY_05),

    // CTRLID
    NO_PLUG_AND_PLAY("no-plug-and-play",
            "an unknown controllerId polled with the gateway token is not registered (404)", DDI_CTRLID_01),
    SUBRESOURCE_REGISTERS("subresource-registers",
            "a sub-resource request for an unknown controllerId (gateway token) registers it", DDI_CTRLID_02),
    PRECOMMISSIONED_FIRST_POLL_NO_CONTENT("precommissioned-first-poll-no-content",
            "the first poll of a controller created by the operator answers 204 without a body", DDI_CTRLID_03),
    TARGET_TOKEN_ANY_CONTROLLER("target-token-any-controller",
            "a target token of one controller authenticates requests on any other controller's path", DDI_CTRLID_04,
            SUITE_SEC_01),
    FOREIGN_ACTION_VISIBLE("foreign-action-visible",
            "a controller can read and send feedback to another controller's action on its own path", DDI_CTRLID_05),
    FOREIGN_ARTIFACT_DOWNLOADABLE("foreign-artifact-downloadable",
            "any controller can list and download the artifacts of any module", DDI_CTRLID_06, DDI_DOWNLOAD_11),
    CONTROLLER_ID_MAX_128("controller-id-max-128",
            "DDI refuses controllerIds longer than 128 characters with 400, also for operator-created ones", DDI_CTRLID_07),
    CONTROLLER_ID_DOT_SUFFIX("controller-id-dot-suffix",
            "a controllerId containing '.' is cut at the dot on DDI paths (suffix matching), so it is not found", DDI_CTRLID_08),
    CONTROLLER_ID_CASE_FOLDED("controller-id-case-folded",
            "controllerIds are stored and reported lower-cased", DDI_CTRLID_09, DDI_BASE_06),
    // CTRLID (issue 3: P1/P2)
    CASE_TWIN_SHARES_ACTIONS("case-twin-shares-actions",
            "a controller without an action is offered the open action of a controller whose id differs only in case", DDI_CTRLID_10),

    // AUTH
    UNAUTHENTICATED_DOWNLOAD("unauthenticated-download",
            "artifact and checksum downloads are served without credentials", DDI_AUTH_01, SUITE_SEC_01),
    TARGET_TOKEN_READ_ONLY("target-token-read-only",
            "a target token authenticates GET requests only; its feedback POSTs are answered 401", DDI_AUTH_02),
    UNKNOWN_TOKEN_ACCEPTED("unknown-token-accepted",
            "a TargetToken that belongs to no controller falls through and authenticates as the path's controller", DDI_AUTH_03),
    // AUTH (issue 3: P1/P2)
    TOKEN_SWITCH_IGNORED("token-switch-ignored",
            "target tokens keep authenticating when target-token authentication is switched off", DDI_AUTH_04),
    GATEWAY_TOKEN_UNKNOWN_ONLY("gateway-token-unknown-only",
            "the gateway token authenticates only controllerIds the server does not know yet (401 for registered ones)", DDI_AUTH_05),
    ANY_GATEWAY_TOKEN("any-gateway-token",
            "any GatewayToken value authenticates, not only the tenant's key", DDI_AUTH_06),
    CERT_HEADER_ANY_CONTROLLER("cert-header-any-controller",
            "certificate-header authentication does not compare X-Controller-Id with the path controllerId", DDI_AUTH_07),
    BEARER_AS_TARGET_TOKEN("bearer-as-target-token",
            "Authorization: Bearer <target token> is accepted like TargetToken", DDI_AUTH_09),
    TENANT_IGNORED("tenant-ignored",
            "the tenant path segment is not checked: any tenant name serves the configured tenant", DDI_AUTH_10),
    UNKNOWN_CONTROLLER_NOT_FOUND("unknown-controller-not-found",
            "requests without valid credentials for a controllerId the server does not know answer 404 instead of 401"
                    + " (the controller is looked up before the credentials are checked)",
            DDI_AUTH_01, DDI_AUTH_03, DDI_AUTH_06, DDI_CTRLID_04, DDI_AUTH_09),

    // DOWNLOAD (issue 3)
    DOWNLOAD_BYTES_CORRUPTED("download-bytes-corrupted",
            "full artifact downloads serve the bytes with the last one altered", DDI_DOWNLOAD_01, DDI_DEPLOY_09),
    DOWNLOAD_WITHOUT_ETAG("download-without-etag",
            "artifact downloads carry no ETag header", DDI_DOWNLOAD_02),
    SINGLE_RANGE_OFF_BY_ONE("single-range-off-by-one",
            "a single byte range s-e serves the bytes s+1..e+1 under Content-Range s-e", DDI_DOWNLOAD_03),
    SUFFIX_RANGE_IGNORED("suffix-range-ignored",
            "a suffix range (bytes=-k) is answered 200 with the whole artifact", DDI_DOWNLOAD_04),
    RANGE_BEYOND_END_SERVED("range-beyond-end-served",
            "an unsatisfiable or invalid range (start at or beyond the end) is answered 200 with the whole artifact", DDI_DOWNLOAD_05),
    MULTI_RANGE_FIRST_PART_REPEATED("multi-range-first-part-repeated",
            "every part of a multipart/byteranges answer carries the bytes of the first range", DDI_DOWNLOAD_06),
    IF_MATCH_IGNORED("if-match-ignored",
            "If-Match is ignored on artifact downloads (a value that matches nothing → 200)", DDI_DOWNLOAD_07),
    IF_NONE_MATCH_EMPTY_200("if-none-match-empty-200",
            "If-None-Match naming the artifact's SHA-1 is answered 200 with an empty body", DDI_DOWNLOAD_08),
    IF_RANGE_ALWAYS_FULL("if-range-always-full",
            "any If-Range, even the current ETag, turns a range request into a 200 full download", DDI_DOWNLOAD_09),
    MD5SUM_WRONG_DIGEST("md5sum-wrong-digest",
            "the .MD5SUM file carries 32 hex digits of the SHA-1 instead of the MD5", DDI_DOWNLOAD_10),
    UNASSIGNED_MODULE_DOWNLOADABLE("unassigned-module-downloadable",
            "artifacts of modules that no controller was ever assigned are served to every controller", DDI_DOWNLOAD_11),
    ARTIFACT_LIST_HIDDEN_AFTER_INSTALL("artifact-list-hidden-after-install",
            "the artifact list of a module of the installed set answers 404", DDI_DOWNLOAD_12),
    ARTIFACT_ACCEPTS_DELETE("artifact-accepts-delete",
            "POST, PUT and DELETE on artifact and .MD5SUM paths answer 200 instead of 405", DDI_DOWNLOAD_13),
    STALE_DOWNLOAD_TRUNCATED("stale-download-truncated",
            "once the action is no longer open its artifacts are served 200 with only the first half of the bytes", DDI_DOWNLOAD_14),
    DOWNLOAD_RECORDED_AS_RUNNING("download-recorded-as-running",
            "full downloads append a 'running' status entry instead of a 'download' entry", DDI_DOWNLOAD_15),

    // CONFIG (issue 3)
    CONFIG_LINK_MISSING_FOR_NEW_TARGET("config-link-missing-for-new-target",
            "a controller created by the operator is not asked for its attributes (no configData link)", DDI_CONFIG_01),
    CONFIG_LINK_KEPT_AFTER_UPLOAD("config-link-kept-after-upload",
            "configData is still offered after the device uploaded its attributes", DDI_CONFIG_02),
    CONFIG_DEFAULT_MODE_REPLACE("config-default-mode-replace",
            "a configData PUT without mode replaces the stored attributes instead of merging", DDI_CONFIG_03),
    CONFIG_MERGE_REPLACES("config-merge-replaces",
            "configData mode merge replaces the stored attributes", DDI_CONFIG_04),
    CONFIG_REPLACE_MERGES("config-replace-merges",
            "configData mode replace merges into the stored attributes", DDI_CONFIG_05),
    CONFIG_REMOVE_CLEARS_ALL("config-remove-clears-all",
            "configData mode remove deletes every stored attribute, not only the given keys", DDI_CONFIG_06),
    CONFIG_UNKNOWN_MODE_AS_MERGE("config-unknown-mode-as-merge",
            "an unknown configData mode is accepted (200) and applied as merge", DDI_CONFIG_07),
    CONFIG_EMPTY_DATA_ACCEPTED("config-empty-data-accepted",
            "configData without data or with an empty data object is answered 200", DDI_CONFIG_08),
    CONFIG_LONG_ATTRIBUTES_ACCEPTED("config-long-attributes-accepted",
            "attribute keys and values longer than 128 characters are accepted", DDI_CONFIG_09),
    CONFIG_NOT_REQUESTED_AFTER_UPDATE("config-not-requested-after-update",
            "a successful update does not ask the device for its attributes again", DDI_CONFIG_10),
    CONFIG_REQUEST_IGNORED("config-request-ignored",
            "the operator's requestAttributes is answered 200 but the device is not asked (no configData link)", DDI_CONFIG_11),
    CONFIG_ACCEPTS_XML("config-accepts-xml",
            "configData bodies sent as application/xml are parsed as JSON and stored", DDI_CONFIG_12),
    CONFIG_QUOTA_AS_400("config-quota-as-400",
            "more than 100 attributes are refused with 400 instead of 429 tooManyEntries", DDI_CONFIG_13),

    // INSTALLED (issue 3)
    INSTALLED_WITHOUT_UPDATE("installed-without-update",
            "the installedBase document omits deployment.update", DDI_SCHEMA_04),
    INSTALLED_WITHOUT_ARTIFACTS("installed-without-artifacts",
            "the installedBase document lists the chunks without their artifacts", DDI_INSTALLED_01),
    INSTALLED_FOR_OPEN_ACTION("installed-for-open-action",
            "GET installedBase/{A} answers 200 with the document while A is still open", DDI_INSTALLED_02),
    INSTALLED_ONLY_LATEST("installed-only-latest",
            "installedBase/{A} of an older successful action answers 404 once a newer one finished", DDI_INSTALLED_03),
    DOWNLOAD_ONLY_INSTALLED("download-only-installed",
            "a download-only action closed with DOWNLOADED installs its set and is offered as installedBase", DDI_INSTALLED_04,
            DDI_STATE_09),
    OFFLINE_ASSIGNMENT_OPENS_ACTION("offline-assignment-opens-action",
            "an offline assignment by the operator creates an open action the device must work on", DDI_INSTALLED_05),
    INSTALLED_VERSION_PUT_IGNORED("installed-version-put-ignored",
            "PUT installedBase answers 201 but records nothing", DDI_INSTALLED_06),
    INSTALLED_ACCEPTS_DELETE("installed-accepts-delete",
            "POST, PUT and DELETE on installedBase/{A} of a closed action answer 200 instead of 405", DDI_INSTALLED_07),

    // CONFIRM (issue 3)
    CONSENT_NO_LINK("consent-no-link",
            "an action awaiting consent is offered through no link in the poll", DDI_CONFIRM_01),
    CONSENT_DOCUMENT_WRONG_ID("consent-document-wrong-id",
            "the consent document confirmationBase/{A} names another action id", DDI_CONFIRM_02),
    CONSENT_DOCUMENT_WITHOUT_CHUNKS("consent-document-without-chunks",
            "the consent document omits confirmation.chunks", DDI_SCHEMA_06),
    FEEDBACK_ACCEPTED_BEFORE_CONSENT("feedback-accepted-before-consent",
            "deployment feedback for an action awaiting consent is answered 200 and recorded", DDI_CONFIRM_03),
    CONFIRMED_KEEPS_WAITING("confirmed-keeps-waiting",
            "confirmed is answered 200 and recorded RUNNING, but the action keeps waiting for consent", DDI_CONFIRM_04),
    DENIED_CLOSES_ACTION("denied-closes-action",
            "denied closes the action awaiting consent (CANCELED)", DDI_CONFIRM_05),
    DENIED_AFTER_CONSENT_REFUSED("denied-after-consent-refused",
            "denied for a confirmed, still open action is refused with 404 (consent cannot be revoked)", DDI_CONFIRM_06),
    CONFIRMATION_FEEDBACK_ON_CLOSED_ACCEPTED("confirmation-feedback-on-closed-accepted",
            "confirmation feedback for a closed action is answered 200 (and ignored)", DDI_CONFIRM_07),
    CONFIRMATION_BASE_OMITS_ACTION_LINK("confirmation-base-omits-action-link",
            "GET confirmationBase omits the confirmationBase link of the action awaiting consent", DDI_CONFIRM_08),
    CONFIRMATION_BASE_WITHOUT_AUTO_CONFIRM("confirmation-base-without-auto-confirm",
            "GET confirmationBase omits the autoConfirm object", DDI_SCHEMA_05),
    AUTO_CONFIRM_IGNORED("auto-confirm-ignored",
            "activateAutoConfirm is answered 200 and shown active, but actions awaiting consent keep waiting", DDI_CONFIRM_09),
    AUTO_CONFIRM_ACTIVATED_TWICE("auto-confirm-activated-twice",
            "a second activateAutoConfirm is answered 200 and overwrites initiator and remark", DDI_CONFIRM_10),
    DEACTIVATE_AUTO_CONFIRM_IGNORED("deactivate-auto-confirm-ignored",
            "deactivateAutoConfirm is answered 200 but auto-confirmation stays active", DDI_CONFIRM_11),
    CONFIRMATION_UNKNOWN_VALUE_ACCEPTED("confirmation-unknown-value-accepted",
            "confirmation feedback with an unknown or missing confirmation value is taken as confirmed", DDI_CONFIRM_12),
    CONSENT_DOCUMENT_WITHOUT_FLOW("consent-document-without-flow",
            "with the consent flow off, GET confirmationBase/{A} serves a consent document for a running action", DDI_CONFIRM_13),
    FLOW_OFF_STRANDS_WAITING("flow-off-strands-waiting",
            "while the consent flow is off, actions awaiting consent get no link and their confirmation feedback answers 404",
            DDI_CONFIRM_14),
    CANCEL_KEEPS_CONSENT_LINK("cancel-keeps-consent-link",
            "an action cancelled while it awaited consent is still offered as confirmationBase instead of cancelAction",
            DDI_CANCEL_15),

    // ERROR
    MALFORMED_JSON_ACCEPTED("malformed-json-accepted",
            "a syntactically invalid feedback or configData body is answered 200 (and ignored)", DDI_ERROR_02),
    MISSING_FINISHED_DEFAULTS("missing-finished-defaults",
            "feedback without status.result or result.finished is accepted as finished=none", DDI_ERROR_03),
    UNKNOWN_EXECUTION_ACCEPTED("unknown-execution-accepted",
            "an unknown execution or finished value is accepted and recorded as RUNNING", DDI_ERROR_04),
    ANY_CONTENT_TYPE_ACCEPTED("any-content-type-accepted",
            "request bodies are parsed as JSON whatever their Content-Type", DDI_ERROR_05),
    FEEDBACK_GET_ALLOWED("feedback-get-allowed",
            "GET, PUT and DELETE on feedback paths answer 200 instead of 405", DDI_ERROR_06),
    UNKNOWN_ACTION_EMPTY_200("unknown-action-empty-200",
            "an action id that does not exist answers 200 with an empty JSON object", DDI_ERROR_08),
    BAD_BODY_500("bad-body-500",
            "malformed JSON bodies crash the handler: 500 instead of 400", DDI_ERROR_10),
    // ERROR (issue 3: P1/P2)
    THROTTLE_ANSWERS_503("throttle-answers-503",
            "more than 15 polls of one controller within a second are answered 503 instead of 429 with Retry-After", DDI_ERROR_11),
    ERROR_CODE_GENERIC("error-code-generic",
            "400 answers to unreadable bodies carry errorCode hawkbit.server.error.badRequest", DDI_ERROR_01),
    ACCEPT_IGNORED("accept-ignored",
            "cancelAction and installedBase ignore an unacceptable Accept header and answer JSON", DDI_ERROR_07),
    MALFORMED_ACTION_ID_200("malformed-action-id-200",
            "GET deploymentBase/{A} with a non-numeric or overflowing id answers 200 with an empty object", DDI_ERROR_09),

    // CLIENT (client-compatibility lint: each warns on its SUITE-CLIENT requirement only)
    SLEEP_DAY_AFTER_UPDATE("sleep-day-after-update",
            "once a controller's last action is closed, config.polling.sleep is 24:00:00 until the next assignment", SUITE_CLIENT_01),
    DEPLOYMENT_HREF_WITHOUT_QUERY("deployment-href-without-query",
            "the deploymentBase href of a soft action without maintenance window carries no ?c= (added once it turns forced)",
            SUITE_CLIENT_02),
    CANCEL_HREF_WITH_QUERY("cancel-href-with-query",
            "the cancelAction href carries the action's ?c= cache key like deploymentBase", SUITE_CLIENT_03),
    HTTPS_DOWNLOAD_ONLY("https-download-only",
            "artifacts offer download and md5sum links (the https rels) instead of download-http and md5sum-http", SUITE_CLIENT_04),
    ACTION_IDS_64_BIT("action-ids-64-bit",
            "action ids come from a time-based 64-bit sequence (1700000000000 + n), beyond 32-bit integers", SUITE_CLIENT_05),
    CACHE_KEY_SHA1("cache-key-sha1",
            "the c value of deploymentBase hrefs is a 40-digit SHA-1 hex string (the href outgrows Zephyr's 50-byte buffer)",
            SUITE_CLIENT_06),
    DOWNLOAD_HREF_SIGNED("download-href-signed",
            "artifact links carry a 160-character signature query (the download-http href outgrows Zephyr's 200-byte buffer)",
            SUITE_CLIENT_06),
    FEEDBACK_NUMERIC_ID_REFUSED("feedback-numeric-id-refused",
            "feedback whose legacy id is a JSON number (SWUpdate) is refused with 400; a string id is accepted", SUITE_CLIENT_07),

    // SECURITY
    FOREIGN_TOKEN_ON_SUBRESOURCES("foreign-token-on-subresources",
            "a target token of any controller of the tenant opens another controller's cancelAction, installedBase, confirmationBase, configData and artifact resources (only the base and deploymentBase compare it with the path)", SUITE_SEC_01),
    PATH_NORMALISED_AFTER_AUTH("path-normalised-after-auth",
            "the token is checked against the controllerId up to its first decoded '/', '\\' or ';', then the decoded path's dot segments are resolved and served: {A}/../{B} and {A}%2F..%2F{B} serve B with A's token", SUITE_SEC_02),
    OVERSIZED_REQUEST_500("oversized-request-500",
            "a header section over 8 KiB or a DDI body over 1 MiB crashes the handler: 500 instead of 400/413", SUITE_SEC_03),
    QUERY_TOKEN_ACCEPTED("query-token-accepted",
            "a controller's target token in the query string (?token=, ?TargetToken=, ?access_token=) authenticates like the Authorization header", SUITE_SEC_04),
    QUERY_TOKEN_500("query-token-500",
            "a request without Authorization but with ?token=, ?TargetToken= or ?access_token= crashes the authentication: 500", SUITE_SEC_04),

    ; // every constant above ends with a comma, so that new ones can be added in their area's section

    private final String key;
    private final String description;
    private final Set<Req> targets;

    Defect(String key, String description, Req first, Req... more) {
        this.key = key;
        this.description = description;
        this.targets = EnumSet.of(first, more);
    }

    /** The name used with {@code --defect}. */
    public String key() {
        return key;
    }

    public String description() {
        return description;
    }

    /** The requirement(s) this defect breaks. */
    public Set<Req> targets() {
        return targets;
    }

    /** Defects that break only the SHOULD part of a requirement whose main level is MUST (e.g. "MUST … / SHOULD …"). */
    private static final Set<Defect> SHOULD_PART_ONLY = EnumSet.of(CACHE_KEY_CONSTANT, SUPERSEDE_KEEPS_OLD_RUNNING,
            QUERY_TOKEN_ACCEPTED, CANCEL_DOWNLOAD_AS_WARNING);

    /** The targets a run against this defect must FAIL: its MUST targets, unless only a SHOULD part is broken. */
    public Set<Req> expectedFailures() {
        Set<Req> fails = EnumSet.noneOf(Req.class);
        if (!SHOULD_PART_ONLY.contains(this)) {
            targets.stream().filter(r -> r.level() == org.ddict.catalogue.Level.MUST).forEach(fails::add);
        }
        return fails;
    }

    /** The targets a run against this defect must WARN on: the others. */
    public Set<Req> expectedWarnings() {
        Set<Req> warns = EnumSet.copyOf(targets);
        warns.removeAll(expectedFailures());
        return warns;
    }

    public static Optional<Defect> byKey(String key) {
        return Arrays.stream(values()).filter(d -> d.key.equals(key)).findFirst();
    }

    @Override
    public String toString() {
        return key;
    }
}
