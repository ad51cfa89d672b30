package org.ddict.conformance;

import static org.ddict.catalogue.Req.*;
import static org.ddict.ddi.Feedback.Execution.PROCEEDING;
import static org.ddict.ddi.Feedback.Finished.NONE;
import static org.ddict.operator.AssignMode.DOWNLOAD_ONLY;
import static org.ddict.operator.AssignMode.FORCED;
import static org.ddict.operator.AssignMode.SOFT;

import java.util.List;
import java.util.Set;

import org.ddict.catalogue.Feature;
import org.ddict.conformance.support.Action;
import org.ddict.conformance.support.CheckContext;
import org.ddict.conformance.support.DdiChecks;
import org.ddict.conformance.support.Device;
import org.ddict.conformance.support.Requirement;
import org.ddict.ddi.Exchange;
import org.ddict.ddi.Feedback;
import org.ddict.ddi.HttpCall;
import org.ddict.operator.AssignMode;
import org.ddict.operator.SoftwareSet;
import org.ddict.schema.DdiDocument;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The structure of every DDI document (Appendix A). Every body the suite reads is validated by the device client
 * before anything reads it; these checks make sure each document is seen in each of its states.
 */
@DdiChecks
@DisplayName("SCHEMA — structure of every DDI document")
class SchemaChecks {

    @Test
    @Requirement(DDI_SCHEMA_01)
    void controllerBaseIsValidInEveryState(Device device) {
        device.poll();
        Action action = device.openAction(SOFT);
        device.poll();
        action.requestCancel();
        device.poll();
    }

    @Test
    @Requirement(DDI_SCHEMA_02)
    void deploymentIsValidForSoftForcedAndDownloadOnlyActions(CheckContext check) {
        Set<AssignMode> modes = check.run().offers(Feature.DLONLY) ? Set.of(SOFT, FORCED, DOWNLOAD_ONLY) : Set.of(SOFT, FORCED);
        for (AssignMode mode : modes) {
            Device device = check.newDevice();
            Action action = device.openAction(mode);
            device.deployment(action.id());
        }
    }

    @Test
    @Requirement(DDI_SCHEMA_03)
    void cancelInstructionIsValid(Device device) {
        Action action = CancelChecks.cancelling(device);
        CancelChecks.cancelInstruction(device, action);
    }

    @Test
    @Requirement(DDI_SCHEMA_07)
    void artifactListIsValid(Device device) {
        Action action = device.openAction(SOFT);
        SoftwareSet.Module module = action.software().module("os");
        JsonNode list = device.getDocument(DDI_SCHEMA_07, "/softwaremodules/" + module.id() + "/artifacts",
                DdiDocument.ARTIFACT_LIST, DDI_SCHEMA_07);
        device.check().require(DDI_SCHEMA_07, list.size() == module.artifacts().size(),
                module.artifacts().size() + " artifact(s), as uploaded", () -> list.size() + ": " + list, null);
    }

    @Test
    @Requirement(DDI_SCHEMA_08)
    void enumerationsAreLowerCase(Device device) {
        Action action = device.openAction(FORCED);
        JsonNode deployment = device.deployment(action.id()).path("deployment");
        for (String field : new String[] {"download", "update"}) {
            String value = deployment.path(field).asString("");
            device.check().require(DDI_SCHEMA_08, value.equals(value.toLowerCase()), "deployment." + field + " in lower case",
                    () -> value, null);
        }
    }

    @Test
    @Requirement(DDI_SCHEMA_09)
    void jsonTypesAreStable(Device device) {
        Action action = device.openAction(SOFT);
        JsonNode deployment = device.deployment(action.id());
        CheckContext check = device.check();
        check.require(DDI_SCHEMA_09, deployment.path("id").isString(), "id as a JSON string", () -> deployment.path("id").toString(), null);
        for (JsonNode chunk : deployment.path("deployment").path("chunks")) {
            for (JsonNode artifact : chunk.path("artifacts")) {
                check.require(DDI_SCHEMA_09, artifact.path("size").isIntegralNumber(), "artifact size as a JSON integer",
                        () -> artifact.path("size").toString(), null);
            }
        }
        SoftwareSet.Module module = action.software().module("os");
        device.getDocument(DDI_SCHEMA_07, "/softwaremodules/" + module.id() + "/artifacts", DdiDocument.ARTIFACT_LIST, DDI_SCHEMA_07);
    }

    @Test
    @Requirement(DDI_SCHEMA_11)
    void jsonErrorBodiesFollowExceptionInfo(Device device) {
        Action action = device.openAction(SOFT);
        CheckContext check = device.check();
        long unknown = ErrorChecks.UNKNOWN_ID;
        List<HttpCall> negative = List.of(
                device.call("GET", "/deploymentBase/" + unknown),
                device.call("GET", "/cancelAction/" + unknown),
                device.call("GET", "/softwaremodules/" + unknown + "/artifacts"),
                device.call("POST", "/deploymentBase/" + action.id() + "/feedback")
                        .body("application/json", ErrorChecks.MALFORMED_FEEDBACK),
                device.call("POST", "/cancelAction/" + action.id() + "/feedback")
                        .body("application/json", Feedback.of(PROCEEDING, NONE).json()),
                device.call("PUT", "/configData").body("application/json", "{\"data\":[]}"));
        for (HttpCall call : negative) {
            Exchange e = device.send(call);
            check.refused(DDI_SCHEMA_11, e, "no 5xx", s -> true, null);
            if (e.status() >= 400) {
                ErrorChecks.exceptionInfo(check, DDI_SCHEMA_11, e);
            }
        }
    }

    @Test
    @Requirement(DDI_SCHEMA_10)
    void acceptsFeedbackWithUnknownProperties(Device device) {
        Action action = device.openAction(SOFT);
        Feedback legacy = Feedback.of(PROCEEDING, NONE).extra("id", Long.toString(action.id())).extra("time", "20260101T000000");
        device.sendFeedback(DDI_SCHEMA_10, action, legacy);
        action.expectRecorded(DDI_STATE_04, legacy, "running");
    }
}
