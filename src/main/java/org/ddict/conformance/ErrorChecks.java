package org.ddict.conformance;

import static org.ddict.catalogue.Req.*;
import static org.ddict.ddi.Feedback.Execution.*;
import static org.ddict.ddi.Feedback.Finished.*;
import static org.ddict.operator.AssignMode.SOFT;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.function.Consumer;

import org.ddict.catalogue.Feature;
import org.ddict.catalogue.Req;
import org.ddict.conformance.support.Action;
import org.ddict.conformance.support.CheckContext;
import org.ddict.conformance.support.DdiChecks;
import org.ddict.conformance.support.Device;
import org.ddict.conformance.support.Requirement;
import org.ddict.ddi.Exchange;
import org.ddict.ddi.Feedback;
import org.ddict.ddi.HttpCall;
import org.ddict.schema.DdiDocument;
import org.ddict.schema.SchemaViolation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Negative requests on {@code {base}/deploymentBase/{A}[/feedback]}, {@code cancelAction/{A}[/feedback]}, {@code configData}, {@code installedBase/{A}} and {@code softwaremodules/{M}/artifacts}. */
@DdiChecks
@DisplayName("ERROR — error handling")
class ErrorChecks {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** An id no server hands out in a test run (catalogue DDI-ERROR-08). */
    static final long UNKNOWN_ID = 9223372036854775000L;

    /** Catalogue DDI-ERROR-02: a stray bracket after the details. */
    static final String MALFORMED_FEEDBACK =
            "{\"status\":{\"execution\":\"closed\",\"result\":{\"finished\":\"none\"},\"details\":\"x\"]}}";

    private static final String CONFIG_DATA = "{\"data\":{\"ddict-attribute\":\"ddict-value\"}}";

    @Test
    @Requirement(DDI_ERROR_02)
    void refusesMalformedJsonWith400AndRecordsNothing(Device device) {
        CheckContext check = device.check();
        Action action = device.openAction(SOFT);
        Device other = check.newDevice();
        Action cancelling = CancelChecks.cancelling(other);

        int before = action.history().size();
        Exchange feedback = device.send(device.call("POST", feedbackPath(action)).body("application/json", MALFORMED_FEEDBACK));
        check.refused(DDI_ERROR_02, feedback, "HTTP 400 for malformed JSON deployment feedback", s -> s == 400, null);
        Exchange config = device.send(device.call("PUT", "/configData").body("application/json", "{\"data\":"));
        check.refused(DDI_ERROR_02, config, "HTTP 400 for a malformed configData body", s -> s == 400, null);
        expectNothingRecorded(DDI_ERROR_02, action, before, config);
        check.require(DDI_ERROR_02, action.state().active(), "action " + action.id() + " still open", () -> action.state().toString(),
                feedback);

        int cancelBefore = cancelling.history().size();
        Exchange cancel = other.send(other.call("POST", "/cancelAction/" + cancelling.id() + "/feedback")
                .body("application/json", MALFORMED_FEEDBACK));
        check.refused(DDI_ERROR_02, cancel, "HTTP 400 for malformed JSON cancel feedback", s -> s == 400, null);
        expectNothingRecorded(DDI_ERROR_02, cancelling, cancelBefore, cancel);
        check.require(DDI_ERROR_02, cancelling.state().active(), "the cancelling action still open",
                () -> cancelling.state().toString(), cancel);
    }

    @Test
    @Requirement(DDI_ERROR_03)
    void refusesFeedbackWithoutARequiredFieldAndRecordsNothing(Device device) {
        CheckContext check = device.check();
        Action action = device.openAction(SOFT);
        int before = action.history().size();
        List<Missing> bodies = List.of(
                new Missing("status", root -> root.remove("status")),
                new Missing("status.execution", root -> status(root).remove("execution")),
                new Missing("status.result", root -> status(root).remove("result")),
                new Missing("status.result.finished", root -> ((ObjectNode) status(root).get("result")).remove("finished")));
        for (Missing missing : bodies) {
            Exchange e = device.send(device.call("POST", feedbackPath(action)).body("application/json", missing.json()));
            check.refused(DDI_ERROR_03, e, "HTTP 400 for feedback without " + missing.field(), s -> s == 400, null);
            expectNothingRecorded(DDI_ERROR_03, action, before, e);
        }
        action.expectOpen(DDI_ERROR_03);
    }

    @Test
    @Requirement(DDI_ERROR_04)
    void refusesUnknownEnumerationValuesAndRecordsNothing(Device device) {
        CheckContext check = device.check();
        Action action = device.openAction(SOFT);
        Device other = check.newDevice();
        Action cancelling = CancelChecks.cancelling(other);

        int before = action.history().size();
        for (Feedback invalid : List.of(Feedback.raw("546456456", "none"), Feedback.raw("closed", "maybe"))) {
            Exchange e = device.send(device.call("POST", feedbackPath(action)).body("application/json", invalid.json()));
            check.refused(DDI_ERROR_04, e, "HTTP 400 for execution/finished " + invalid.execution() + "/" + invalid.finished(),
                    s -> s == 400, null);
            expectNothingRecorded(DDI_ERROR_04, action, before, e);
        }
        action.expectOpen(DDI_ERROR_04);

        int cancelBefore = cancelling.history().size();
        Feedback bogus = Feedback.raw("bogus", "none");
        Exchange e = other.send(other.call("POST", "/cancelAction/" + cancelling.id() + "/feedback")
                .body("application/json", bogus.json()));
        check.refused(DDI_ERROR_04, e, "HTTP 400 for execution 'bogus' on the cancel channel", s -> s == 400, null);
        expectNothingRecorded(DDI_ERROR_04, cancelling, cancelBefore, e);
    }

    @Test
    @Requirement(DDI_ERROR_05)
    void refusesBodiesOfAnUnsupportedMediaTypeWith415(Device device) {
        CheckContext check = device.check();
        Action action = device.openAction(SOFT);
        int before = action.history().size();
        Feedback feedback = Feedback.of(PROCEEDING, NONE);
        Exchange xml = device.send(device.call("POST", feedbackPath(action)).body("application/xml", feedback.json()));
        check.refused(DDI_ERROR_05, xml, "HTTP 415 for feedback sent as application/xml", s -> s == 415, null);
        check.require(DDI_ERROR_05, !action.hasEntryFor(feedback), "nothing recorded for the refused feedback",
                () -> "an entry carries its marker " + feedback.marker(), xml);
        Exchange text = device.send(device.call("PUT", "/configData").body("text/plain", CONFIG_DATA));
        check.refused(DDI_ERROR_05, text, "HTTP 415 for configData sent as text/plain", s -> s == 415, null);
        expectNothingRecorded(DDI_ERROR_05, action, before, text);
    }

    @Test
    @Requirement(DDI_ERROR_06)
    void answersMethodsAPathDoesNotDefineWith405(Device device) {
        CheckContext check = device.check();
        Action action = device.openAction(SOFT);
        String feedbackBody = Feedback.of(PROCEEDING, NONE).json();
        long a = action.id();
        expect405(device, "/deploymentBase/" + a + "/feedback", feedbackBody, "GET", "PUT", "DELETE", "PATCH");
        expect405(device, "/cancelAction/" + a, feedbackBody, "POST", "PUT", "DELETE", "PATCH");
        expect405(device, "/cancelAction/" + a + "/feedback", feedbackBody, "GET", "PUT", "DELETE");
        expect405(device, "/configData", CONFIG_DATA, "GET", "POST", "DELETE");
        if (check.run().offers(Feature.INSTALLED)) {
            expect405(device, "/installedBase/" + a, feedbackBody, "POST", "PUT", "DELETE");
        }
    }

    @Test
    @Requirement(DDI_ERROR_08)
    void answersUnknownActionsAndModulesWith404(Device device) {
        CheckContext check = device.check();
        device.openAction(SOFT);
        List<String> resources = check.run().offers(Feature.INSTALLED)
                ? List.of("deploymentBase", "cancelAction", "installedBase")
                : List.of("deploymentBase", "cancelAction");
        for (String resource : resources) {
            expect404(device, device.call("GET", "/" + resource + "/" + UNKNOWN_ID));
        }
        for (String channel : List.of("deploymentBase", "cancelAction")) {
            expect404(device, device.call("POST", "/" + channel + "/" + UNKNOWN_ID + "/feedback")
                    .body("application/json", Feedback.of(PROCEEDING, NONE).json()));
        }
        expect404(device, device.call("GET", "/softwaremodules/" + UNKNOWN_ID + "/artifacts"));
    }

    @Test
    @Requirement(DDI_ERROR_10)
    void neverAnswersABadRequestWithAServerError(Device device) {
        CheckContext check = device.check();
        Action action = device.openAction(SOFT);
        String valid = Feedback.of(PROCEEDING, NONE).json();
        noServerError(device, device.call("GET", "/deploymentBase/abc"));
        noServerError(device, device.call("GET", "/deploymentBase/99999999999999999999"));
        noServerError(device, device.call("POST", "/deploymentBase/abc/feedback").body("application/json", valid));
        noServerError(device, device.call("POST", "/deploymentBase/99999999999999999999/feedback").body("application/json", valid));
        for (String body : List.of("", "{}", "[]", "{\"status\":{\"execution\":\"proceeding\"", "{\"status\":null}")) {
            noServerError(device, device.call("POST", feedbackPath(action)).body("application/json", body));
        }
        ObjectNode codeAsString = parse(Feedback.of(PROCEEDING, NONE));
        status(codeAsString).put("code", "twelve");
        noServerError(device, device.call("POST", feedbackPath(action)).body("application/json", JSON.writeValueAsString(codeAsString)));
        for (String body : List.of("", "[]", "{\"data\":[]}")) {
            noServerError(device, device.call("PUT", "/configData").body("application/json", body));
        }
        acceptsOrRefusesALongDetail(device, action);
    }

    @Test
    @Requirement(DDI_ERROR_01)
    void describesApplicationErrorsWithHawkbitErrorCodes(Device device) {
        Action action = device.openAction(SOFT);
        expectErrorCode(device, device.call("GET", "/deploymentBase/" + UNKNOWN_ID), 404, "hawkbit.server.error.repo.entityNotFound");
        expectErrorCode(device, device.call("POST", feedbackPath(action)).body("application/json", MALFORMED_FEEDBACK), 400,
                "hawkbit.server.error.rest.body.notReadable");
        expectErrorCode(device, device.call("POST", "/cancelAction/" + action.id() + "/feedback")
                .body("application/json", Feedback.of(CLOSED, SUCCESS).json()), 405, "hawkbit.server.error.action.notCancelable");
    }

    @Test
    @Requirement(DDI_ERROR_07)
    void answersAnUnacceptableAcceptHeaderWith406(CheckContext check) {
        Device device = check.newDevice();
        Action open = device.openAction(SOFT);
        notAcceptable(device, "/deploymentBase/" + open.id());
        Device other = check.newDevice();
        Action cancelling = CancelChecks.cancelling(other);
        CancelChecks.cancelLink(other, cancelling);
        notAcceptable(other, "/cancelAction/" + cancelling.id());
        if (check.run().offers(Feature.INSTALLED)) {
            Device third = check.newDevice();
            Action done = third.openAction(SOFT);
            StateChecks.closeSuccessfully(third, done);
            notAcceptable(third, "/installedBase/" + done.id());
        }
    }

    @Test
    @Requirement(DDI_ERROR_09)
    void answersMalformedActionIdsWith400Or404(Device device) {
        device.poll();
        for (String id : List.of("abc", "99999999999999999999")) {
            Exchange e = device.send(device.call("GET", "/deploymentBase/" + id));
            device.check().refused(DDI_ERROR_09, e, "HTTP 400 or 404 for the malformed action id " + id,
                    s -> s == 400 || s == 404, null);
        }
    }

    @Test
    @Requirement(DDI_ERROR_11)
    void throttlesABurstWith429IfAtAll(Device device) {
        CheckContext check = device.check();
        device.poll();
        for (int i = 1; i <= 25; i++) {
            // a 429 is retried by the client with back-off (Http); what must not come back is a server error
            Exchange e = device.send(device.call("GET", ""));
            int n = i;
            check.should(DDI_ERROR_11, !e.is5xx(), "a burst of polls answered 200, or 429 (with Retry-After) when throttled",
                    () -> "HTTP " + e.status() + " for poll " + n + " of a burst of 25", e);
            if (e.is5xx()) {
                return;
            }
        }
    }

    // ---- shared steps ----------------------------------------------------------------------------------------

    /**
     * A JSON error body is validated against exception-info (a violation is a warning under {@code req}); returns the
     * body when it is a valid one.
     */
    static Optional<JsonNode> exceptionInfo(CheckContext check, Req req, Exchange e) {
        if (!e.hasBody() || !e.isJsonMediaType()) {
            return Optional.empty();
        }
        List<SchemaViolation> violations = check.run().schemas().validate(DdiDocument.EXCEPTION_INFO, e.text());
        check.should(req, violations.isEmpty(), "an error body valid against " + DdiDocument.EXCEPTION_INFO.fileName(),
                () -> violations.stream().map(SchemaViolation::describe).collect(Collectors.joining("; ")), e);
        return violations.isEmpty() ? e.jsonIfParsable() : Optional.empty();
    }

    /** An application error of the DDI-ERROR-01 table: when answered with {@code status}, its JSON body names {@code code}. */
    private static void expectErrorCode(Device device, HttpCall call, int status, String code) {
        CheckContext check = device.check();
        Exchange e = device.send(call);
        check.refused(DDI_ERROR_01, e, "no 5xx", s -> true, null);
        if (e.status() != status) {
            return; // the status itself is judged by the requirement of the situation
        }
        exceptionInfo(check, DDI_ERROR_01, e).ifPresent(body -> {
            check.should(DDI_ERROR_01, body.path("exceptionClass").isString() && body.path("errorCode").isString()
                    && body.path("message").isString(), "string fields exceptionClass, errorCode and message", body::toString, e);
            check.should(DDI_ERROR_01, body.path("errorCode").asString("").equals(code), "errorCode " + code,
                    () -> "errorCode " + body.path("errorCode"), e);
        });
    }

    private static void notAcceptable(Device device, String path) {
        Exchange e = device.send(device.call("GET", path).header("Accept", "application/atom+xml"));
        device.check().refused(DDI_ERROR_07, e, "no 5xx", s -> true, null);
        device.check().should(DDI_ERROR_07, e.status() == 406, "HTTP 406 for Accept: application/atom+xml on " + path,
                () -> "HTTP " + e.status(), e);
    }

    /**
     * A detail over 512 characters is a valid request (hawkBit splits it, §5 Q-08) that a server may also refuse: 2xx
     * and 4xx both pass. A 5xx for feedback the server stored is a wrong success answer (DDI-STATE-13), not a client error.
     */
    private static void acceptsOrRefusesALongDetail(Device device, Action action) {
        CheckContext check = device.check();
        String detail = "ddict long detail line ".repeat(30);
        Feedback feedback = Feedback.of(PROCEEDING, NONE).details(detail);
        int before = action.history().size();
        Exchange e = device.send(device.call("POST", feedbackPath(action)).body("application/json", feedback.json()));
        if (e.is5xx() && (action.hasEntryFor(feedback) || action.history().size() > before)) {
            check.fail(DDI_STATE_13, "HTTP 2xx for feedback the server stored (a " + detail.length() + "-character detail)",
                    "HTTP " + e.status(), e);
        }
        check.refused(DDI_ERROR_10, e, "no 5xx for a " + detail.length() + "-character detail", s -> s < 500, null);
    }

    private static void noServerError(Device device, HttpCall call) {
        Exchange e = device.send(call);
        device.check().refused(DDI_ERROR_10, e, "no 5xx", s -> s < 500, null);
    }

    private static void expect405(Device device, String path, String body, String... methods) {
        for (String method : methods) {
            HttpCall call = device.call(method, path);
            if (!method.equals("GET") && !method.equals("DELETE")) {
                call = call.body("application/json", body);
            }
            Exchange e = device.send(call);
            device.check().refused(DDI_ERROR_06, e, "HTTP 405: " + method + " is not defined for " + path, s -> s == 405, null);
        }
    }

    private static void expect404(Device device, HttpCall call) {
        Exchange e = device.send(call);
        device.check().refused(DDI_ERROR_08, e, "HTTP 404 for an id that does not exist (not 200 with an empty body)",
                s -> s == 404, null);
    }

    /** The status history of {@code action} has not grown since it had {@code before} entries. */
    private static void expectNothingRecorded(Req req, Action action, int before, Exchange evidence) {
        int after = action.history().size();
        action.device().check().require(req, after == before, "no new status entry for action " + action.id()
                + " (still " + before + ")", () -> after + " entries: " + action.history(), evidence);
    }

    private static String feedbackPath(Action action) {
        return "/deploymentBase/" + action.id() + "/feedback";
    }

    private static ObjectNode parse(Feedback feedback) {
        return (ObjectNode) JSON.readTree(feedback.json());
    }

    private static ObjectNode status(ObjectNode root) {
        return (ObjectNode) root.get("status");
    }

    /** The fixture {@code FB(closed, none)} with one required field taken out. */
    private record Missing(String field, Consumer<ObjectNode> removal) {

        String json() {
            ObjectNode root = parse(Feedback.of(CLOSED, NONE));
            removal.accept(root);
            return JSON.writeValueAsString(root);
        }
    }
}
