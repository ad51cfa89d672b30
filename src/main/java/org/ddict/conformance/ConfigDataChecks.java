package org.ddict.conformance;

import static org.ddict.catalogue.Req.*;
import static org.ddict.ddi.Feedback.Execution.CLOSED;
import static org.ddict.ddi.Feedback.Finished.FAILURE;
import static org.ddict.operator.AssignMode.SOFT;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.ddict.catalogue.Req;
import org.ddict.conformance.support.Action;
import org.ddict.conformance.support.CheckContext;
import org.ddict.conformance.support.DdiChecks;
import org.ddict.conformance.support.Device;
import org.ddict.conformance.support.Requirement;
import org.ddict.conformance.support.RequiresCapability;
import org.ddict.ddi.ControllerBase;
import org.ddict.ddi.Exchange;
import org.ddict.ddi.Feedback;
import org.ddict.ddi.Link;
import org.ddict.operator.Capability;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Device attributes {@code PUT {base}/configData} and the {@code configData} link of the poll (catalogue §2.10). */
@DdiChecks
@DisplayName("CONFIG — device attributes (configData)")
class ConfigDataChecks {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    @Requirement(DDI_CONFIG_01)
    void asksANewControllerForItsAttributes(Device device) {
        ControllerBase poll = device.poll();
        Link link = poll.link("configData").orElseThrow(() -> device.check().fail(DDI_CONFIG_01,
                "the poll of a new controller offers configData", poll.describeLinks(), poll.exchange()));
        String suffix = "/" + device.tenant() + "/controller/v1/" + device.controllerId() + "/configData";
        device.check().require(DDI_CONFIG_01, link.path(device.base()).endsWith(suffix), "a configData href ending with " + suffix,
                link::href, poll.exchange());
    }

    @Test
    @Requirement(DDI_CONFIG_02)
    void storesUploadedAttributesAndStopsAskingForThem(Device device) {
        uploadAndStopAsking(device, Map.of("hwRevision", "2", "serial", "ddict-" + device.controllerId()));
    }

    @Test
    @Requirement(DDI_CONFIG_03)
    void mergesWhenNoModeIsGiven(Device device) {
        upload(device, Map.of("k0", "v0", "k1", "v1"));
        Exchange e = put(device, body(null, Map.of("k1", "v1b", "k2", "v2")));
        accepted(device, DDI_CONFIG_03, e);
        expectStored(device, DDI_CONFIG_03, Map.of("k0", "v0", "k1", "v1b", "k2", "v2"), e);
    }

    @Test
    @Requirement(DDI_CONFIG_04)
    void mergeAddsAndOverwritesTheGivenKeysAndKeepsTheOthers(Device device) {
        upload(device, Map.of("k1", "a", "k2", "b", "k3", "c"));
        Exchange e = put(device, body("merge", Map.of("k1", "a2", "k4", "d")));
        accepted(device, DDI_CONFIG_04, e);
        expectStored(device, DDI_CONFIG_04, Map.of("k1", "a2", "k2", "b", "k3", "c", "k4", "d"), e);
    }

    @Test
    @Requirement(DDI_CONFIG_05)
    void replaceMakesTheAttributesExactlyTheGivenMap(Device device) {
        upload(device, Map.of("k0", "v0", "k1", "v1"));
        Exchange e = put(device, body("replace", Map.of("k1", "x", "k2", "y", "k3", "z")));
        accepted(device, DDI_CONFIG_05, e);
        expectStored(device, DDI_CONFIG_05, Map.of("k1", "x", "k2", "y", "k3", "z"), e);
    }

    @Test
    @Requirement(DDI_CONFIG_06)
    void removeDeletesOnlyTheGivenKeys(Device device) {
        upload(device, Map.of("k1", "x", "k2", "y", "k3", "z", "k4", "w"));
        Exchange e = put(device, body("remove", Map.of("k1", "any", "k3", "any")));
        accepted(device, DDI_CONFIG_06, e);
        expectStored(device, DDI_CONFIG_06, Map.of("k2", "y", "k4", "w"), e);
    }

    @Test
    @Requirement(DDI_CONFIG_07)
    void refusesAnUnknownModeAndStoresNothing(Device device) {
        Map<String, String> stored = Map.of("k", "v");
        upload(device, stored);
        Exchange e = put(device, "{\"mode\":\"KJHG\",\"data\":{\"k2\":\"v2\"}}");
        device.check().refused(DDI_CONFIG_07, e, "HTTP 400 for mode \"KJHG\"", s -> s == 400, null);
        expectStored(device, DDI_CONFIG_07, stored, e);
    }

    @Test
    @Requirement(DDI_CONFIG_08)
    void refusesMissingOrEmptyDataAndStoresNothing(Device device) {
        Map<String, String> stored = Map.of("k", "v");
        upload(device, stored);
        for (String bad : new String[] {"{\"id\":\"51659181\"}", "{\"data\":{}}"}) {
            Exchange e = put(device, bad);
            device.check().refused(DDI_CONFIG_08, e, "HTTP 400 for " + bad, s -> s == 400, null);
            expectStored(device, DDI_CONFIG_08, stored, e);
        }
    }

    @Test
    @Requirement(DDI_CONFIG_09)
    void acceptsKeysAndValuesUpTo128CharactersAndRefusesLongerOnes(Device device) {
        CheckContext check = device.check();
        Exchange fits = put(device, body(null, Map.of("k".repeat(128), "v")));
        check.require(DDI_CONFIG_09, fits.is2xx(), "HTTP 2xx for a key of 128 characters", fits::describe, fits);
        Exchange longKey = put(device, body(null, Map.of("k".repeat(129), "v")));
        check.refused(DDI_CONFIG_09, longKey, "HTTP 400 for a key of 129 characters", s -> s == 400, null);
        Exchange longValue = put(device, body(null, Map.of("k", "v".repeat(129))));
        check.refused(DDI_CONFIG_09, longValue, "HTTP 400 for a value of 129 characters", s -> s == 400, null);
        expectStored(device, DDI_CONFIG_09, Map.of("k".repeat(128), "v"), longValue);
    }

    @Test
    @Requirement(DDI_CONFIG_10)
    void asksAgainAfterASuccessfulUpdateButNotAfterAFailedOne(Device device) {
        CheckContext check = device.check();
        uploadAndStopAsking(device, Map.of("hwRevision", "1"));
        Action failed = device.openAction(SOFT);
        Feedback failure = Feedback.of(CLOSED, FAILURE);
        device.sendFeedback(DDI_STATE_03, failed, failure);
        failed.expectRecorded(DDI_STATE_03, failure, "error");
        failed.expectClosed(DDI_STATE_03);
        ControllerBase afterFailure = device.poll();
        check.require(DDI_CONFIG_10, afterFailure.link("configData").isEmpty(), "no configData after a failed update",
                afterFailure::describeLinks, afterFailure.exchange());
        Action succeeded = device.openAction(SOFT);
        StateChecks.closeSuccessfully(device, succeeded);
        ControllerBase afterSuccess = device.poll();
        check.require(DDI_CONFIG_10, afterSuccess.link("configData").isPresent(), "configData offered after a successful update",
                afterSuccess::describeLinks, afterSuccess.exchange());
    }

    @Test
    @Requirement(DDI_CONFIG_11)
    @RequiresCapability(Capability.REQUEST_ATTRIBUTES)
    void asksAgainWhenTheOperatorRequestsTheAttributes(Device device) {
        uploadAndStopAsking(device, Map.of("hwRevision", "1"));
        device.check().run().operator().requestAttributes(device.controllerId());
        ControllerBase poll = device.poll();
        device.check().require(DDI_CONFIG_11, poll.link("configData").isPresent(), "configData offered after the operator's request",
                poll::describeLinks, poll.exchange());
    }

    @Test
    @Requirement(DDI_CONFIG_12)
    void acceptsOnlyPutWithAJsonBody(Device device) {
        CheckContext check = device.check();
        String json = body(null, Map.of("k", "v"));
        for (String method : new String[] {"GET", "POST", "DELETE"}) {
            Exchange e = device.send(method.equals("GET") ? device.call(method, "/configData")
                    : device.call(method, "/configData").body("application/json", json));
            check.refused(DDI_CONFIG_12, e, "HTTP 405 for " + method + " on configData", s -> s == 405, null);
        }
        for (String mediaType : new String[] {"text/plain", "application/xml"}) {
            Exchange e = device.send(device.call("PUT", "/configData").body(mediaType, json));
            check.refused(DDI_CONFIG_12, e, "HTTP 415 for configData sent as " + mediaType, s -> s == 415, null);
        }
        expectStored(device, DDI_CONFIG_12, Map.of(), null);
    }

    @Test
    @Requirement(DDI_CONFIG_13)
    void capsTheNumberOfAttributesWith429OrNotAtAll(Device device) {
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < 101; i++) {
            many.put("ddict-attribute-" + i, "v" + i);
        }
        Exchange e = put(device, body(null, many));
        if (!e.is2xx()) {
            device.check().refused(DDI_CONFIG_13, e, "HTTP 2xx, or 429 when over the server's attribute quota", s -> s == 429, null);
            expectStored(device, DDI_CONFIG_13, Map.of(), e);
        }
    }

    // ---- shared steps ----------------------------------------------------------------------------------------

    /** DDI-CONFIG-02: the first upload (no mode) is accepted and stored exactly. */
    static void upload(Device device, Map<String, String> attributes) {
        Exchange e = put(device, body(null, attributes));
        accepted(device, DDI_CONFIG_02, e);
        expectStored(device, DDI_CONFIG_02, attributes, e);
    }

    /** DDI-CONFIG-02 in full: the upload is stored and the next poll no longer asks for the attributes. */
    static void uploadAndStopAsking(Device device, Map<String, String> attributes) {
        upload(device, attributes);
        ControllerBase poll = device.poll();
        device.check().require(DDI_CONFIG_02, poll.link("configData").isEmpty(), "no configData after the upload",
                poll::describeLinks, poll.exchange());
    }

    private static Exchange put(Device device, String json) {
        return device.send(device.call("PUT", "/configData").body("application/json", json));
    }

    /** An accepted PUT: 2xx, ideally 200 (a 5xx for a valid body is a server error, DDI-ERROR-10). */
    private static void accepted(Device device, Req req, Exchange e) {
        device.check().require(e.is5xx() ? DDI_ERROR_10 : req, e.is2xx(), "HTTP 2xx (the attributes accepted)", e::describe, e);
    }

    private static void expectStored(Device device, Req req, Map<String, String> expected, Exchange evidence) {
        Map<String, String> stored = device.check().run().operator().attributes(device.controllerId());
        device.check().require(req, new TreeMap<>(stored).equals(new TreeMap<>(expected)), "stored attributes " + new TreeMap<>(expected),
                () -> "stored " + new TreeMap<>(stored), evidence);
    }

    /** {@code CD(mode, map)}; {@code mode == null} omits it. */
    private static String body(String mode, Map<String, String> data) {
        ObjectNode root = JSON.createObjectNode();
        if (mode != null) {
            root.put("mode", mode);
        }
        ObjectNode d = root.putObject("data");
        data.forEach(d::put);
        return JSON.writeValueAsString(root);
    }
}
