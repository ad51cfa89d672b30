package org.ddict.conformance;

import static org.ddict.catalogue.Req.*;
import static org.ddict.ddi.Feedback.Execution.CLOSED;
import static org.ddict.ddi.Feedback.Execution.PROCEEDING;
import static org.ddict.ddi.Feedback.Finished.NONE;
import static org.ddict.ddi.Feedback.Finished.SUCCESS;
import static org.ddict.operator.AssignMode.SOFT;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.ddict.catalogue.Req;
import org.ddict.conformance.support.Action;
import org.ddict.conformance.support.DdiChecks;
import org.ddict.conformance.support.Device;
import org.ddict.conformance.support.Requirement;
import org.ddict.conformance.support.Software;
import org.ddict.ddi.ControllerBase;
import org.ddict.ddi.Exchange;
import org.ddict.ddi.Feedback;
import org.ddict.ddi.Link;
import org.ddict.operator.SoftwareSpec;
import org.ddict.operator.SoftwareSpec.ArtifactSpec;
import org.ddict.operator.SoftwareSpec.ModuleSpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Client-compatibility lint over the controller base {@code GET {ddi}/{tenant}/controller/v1/{controllerId}}, its action
 * resources and feedback: what real device clients depend on beyond the catalogue. Every finding is a warning that
 * names the client it would break.
 */
@DdiChecks
@DisplayName("CLIENT — what real device clients depend on")
class ClientCompatibilityChecks {

    private static final Pattern TIME_OF_DAY = Pattern.compile("^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$");
    private static final Pattern CANONICAL_DECIMAL = Pattern.compile("^[1-9][0-9]*$");

    /** Zephyr's hawkbit.c: DEPLOYMENT_BASE_SIZE and CANCEL_BASE_SIZE 50, DOWNLOAD_HTTP_SIZE 200 (with the NUL byte). */
    private static final int ZEPHYR_ACTION_HREF = 49;
    private static final int ZEPHYR_DOWNLOAD_HREF = 199;
    /** The controllerId length the Zephyr budget is measured for: the suite's usual {@code <run prefix>-<8 chars>}. */
    private static final int ZEPHYR_CONTROLLER_ID = 30;
    private static final String ZEPHYR_ARTIFACT = "zephyr.signed.bin";

    @Test
    @Requirement(SUITE_CLIENT_01)
    void rendersTheSleepAsATimeOfDayInEveryState(Device device) {
        sleepIsTimeOfDay(device, device.poll(), "idle");
        Action action = device.openAction(SOFT);
        sleepIsTimeOfDay(device, device.poll(), "with action " + action.id() + " open");
        device.sendFeedback(action, Feedback.of(CLOSED, SUCCESS));
        sleepIsTimeOfDay(device, device.poll(), "after action " + action.id() + " closed");
    }

    private static void sleepIsTimeOfDay(Device device, ControllerBase poll, String state) {
        String sleep = poll.sleep();
        if (TIME_OF_DAY.matcher(sleep).matches()) {
            lint(device, SUITE_CLIENT_01, !sleep.equals("00:00:00"), () -> "Zephyr and SWUpdate ignore a zero sleep and keep "
                    + "their previous interval: config.polling.sleep \"00:00:00\" (" + state + ")", poll.exchange());
            return;
        }
        // the poll's schema validation (DDI-BASE-09) has already ensured two-digit hours, minutes and seconds
        lint(device, SUITE_CLIENT_01, false, () -> "the hawkBit SDK (LocalTime.parse), SWUpdate (strptime %H:%M:%S) and "
                + "rauc-hawkbit-updater (strptime %T) would not read config.polling.sleep \"" + sleep + "\" (" + state
                + "): they parse only a time of day, 00:00:00 to 23:59:59", poll.exchange());
    }

    @Test
    @Requirement(SUITE_CLIENT_02)
    void offersTheDeploymentHrefWithAQuery(Device device) {
        Action action = device.assign(Software.standard(device), SOFT);
        Offer offer = offered(device, "deploymentBase", action.id(), DDI_BASE_04);
        lint(device, SUITE_CLIENT_02, offer.link().href().indexOf('?') >= 0, () -> "the hawkBit SDK device would throw on "
                + "deploymentBase href " + offer.link().href() + " (DdiController.getActionId cuts the id at indexOf('?')): "
                + "the href carries no query", offer.poll().exchange());
    }

    @Test
    @Requirement(SUITE_CLIENT_03)
    void offersTheCancelHrefWithoutAQuery(Device device) {
        Action action = CancelChecks.cancelling(device);
        Offer offer = offered(device, "cancelAction", action.id(), DDI_CANCEL_01);
        String href = offer.link().href();
        lint(device, SUITE_CLIENT_03, href.indexOf('?') < 0, () -> "SWUpdate would post its cancel acknowledgement to " + href
                + "/feedback, which is not the cancel feedback resource: the cancelAction href carries a query",
                offer.poll().exchange());
    }

    @Test
    @Requirement(SUITE_CLIENT_04)
    void offersAnHttpDownloadLinkOnEveryArtifact(Device device) {
        Action action = device.openAction(SOFT);
        JsonNode deployment = device.deployment(action.id());
        for (JsonNode chunk : deployment.path("deployment").path("chunks")) {
            for (JsonNode artifact : chunk.path("artifacts")) {
                JsonNode links = artifact.path("_links");
                lint(device, SUITE_CLIENT_04, links.path("download-http").path("href").isString(), () -> "SWUpdate built "
                        + "without SSL and Zephyr would not find an http download link for " + artifact.path("filename")
                        + ": only " + links.propertyNames() + " offered", null);
            }
        }
    }

    @Test
    @Requirement(SUITE_CLIENT_05)
    void keepsActionIdsWithinThirtyTwoBitDecimals(Device device) {
        Action action = device.assign(Software.standard(device), SOFT);
        Map<String, String> ids = new LinkedHashMap<>();
        Map<String, Exchange> evidence = new LinkedHashMap<>();
        Offer deployment = offered(device, "deploymentBase", action.id(), DDI_BASE_04);
        ids.put("deploymentBase href", lastSegment(deployment.link()));
        evidence.put("deploymentBase href", deployment.poll().exchange());
        ids.put("deployment id", device.deployment(action.id()).path("id").asString(""));
        action.requestCancel();
        Offer cancel = offered(device, "cancelAction", action.id(), DDI_CANCEL_01);
        ids.put("cancelAction href", lastSegment(cancel.link()));
        evidence.put("cancelAction href", cancel.poll().exchange());
        JsonNode instruction = CancelChecks.cancelInstruction(device, action);
        ids.put("cancel id", instruction.path("id").asString(""));
        ids.put("cancelAction.stopId", instruction.path("cancelAction").path("stopId").asString(""));
        ids.forEach((where, id) -> {
            boolean canonical = CANONICAL_DECIMAL.matcher(id).matches();
            lint(device, SUITE_CLIENT_05, canonical && id.length() <= 10 && Long.parseLong(id) <= Integer.MAX_VALUE,
                    () -> "Zephyr (strtol into an int32_t action_id) and SWUpdate (json_object_get_int into an int) would "
                            + "not keep action id \"" + id + "\" (" + where + "): "
                            + (canonical ? "beyond 2147483647" : "not a canonical decimal number"), evidence.get(where));
        });
    }

    @Test
    @Requirement(SUITE_CLIENT_06)
    void keepsHrefsWithinZephyrsBuffers(Device device) {
        Action action = device.assign(zephyrSoftware(device), SOFT);
        Offer deployment = offered(device, "deploymentBase", action.id(), DDI_BASE_04);
        fitsZephyr(device, deployment.link().href(), "deploymentBase/", 0, ZEPHYR_ACTION_HREF, "DEPLOYMENT_BASE_SIZE",
                deployment.poll().exchange());
        // the download-http href holds the controllerId; an id longer than the usual one is not the server's doing
        int allowance = Math.max(0, URLEncoder.encode(device.controllerId(), StandardCharsets.UTF_8).length() - ZEPHYR_CONTROLLER_ID);
        for (JsonNode chunk : device.deployment(action.id()).path("deployment").path("chunks")) {
            for (JsonNode artifact : chunk.path("artifacts")) {
                JsonNode href = artifact.path("_links").path("download-http").path("href");
                if (href.isString()) {
                    fitsZephyr(device, href.asString(), "/" + device.tenant() + "/controller/v1", allowance, ZEPHYR_DOWNLOAD_HREF,
                            "DOWNLOAD_HTTP_SIZE", null);
                }
            }
        }
        action.requestCancel();
        Offer cancel = offered(device, "cancelAction", action.id(), DDI_CANCEL_01);
        fitsZephyr(device, cancel.link().href(), "cancelAction/", 0, ZEPHYR_ACTION_HREF, "CANCEL_BASE_SIZE",
                cancel.poll().exchange());
    }

    /** Zephyr copies the href from the first {@code marker} on into a fixed buffer (strstr + strlen + strncpy). */
    private static void fitsZephyr(Device device, String href, String marker, int allowance, int max, String buffer,
            Exchange evidence) {
        int at = href.indexOf(marker);
        if (at < 0) {
            int controller = href.indexOf("/controller/v1");
            at = controller < 0 ? 0 : href.lastIndexOf('/', controller - 1);
        }
        int length = href.substring(Math.max(at, 0)).getBytes(StandardCharsets.UTF_8).length - allowance;
        lint(device, SUITE_CLIENT_06, length <= max, () -> "Zephyr would fail with -ENOMEM: " + href + " is " + length
                + " bytes from " + marker + " on, its " + buffer + " buffer holds " + max, evidence);
    }

    /** One {@code os} module with a 5 KiB artifact named like Zephyr's usual image. */
    private static SoftwareSpec zephyrSoftware(Device device) {
        byte[] bytes = new byte[5 * 1024];
        ThreadLocalRandom.current().nextBytes(bytes);
        String name = device.controllerId() + "-zephyr";
        return new SoftwareSpec(name, "os", List.of(new ModuleSpec("os", name + "-os", "1.0.0",
                List.of(new ArtifactSpec(ZEPHYR_ARTIFACT, bytes)))));
    }

    @Test
    @Requirement(SUITE_CLIENT_07)
    void acceptsFeedbackWithANumericLegacyId(Device device) {
        Action action = device.openAction(SOFT);
        String time = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"));
        Feedback progress = Feedback.of(PROCEEDING, NONE).extra("id", action.id()).extra("time", time);
        Exchange e = device.postFeedback(action.id(), progress);
        lint(device, SUITE_CLIENT_07, e.is2xx(), () -> "SWUpdate's deployment feedback (\"id\": " + action.id()
                + " as a JSON number, \"time\") would be lost: HTTP " + e.status(), e);
        if (e.is2xx()) {
            lint(device, SUITE_CLIENT_07, action.hasEntryFor(progress), () -> "SWUpdate's deployment feedback (\"id\" as a "
                    + "JSON number) was answered HTTP " + e.status() + " but no status entry carries its details", e);
        }
        action.requestCancel();
        offered(device, "cancelAction", action.id(), DDI_CANCEL_01);
        Feedback acknowledgement = Feedback.of(CLOSED, SUCCESS).extra("id", action.id()).extra("time", time);
        Exchange ack = device.postCancelFeedback(action.id(), acknowledgement);
        lint(device, SUITE_CLIENT_07, ack.is2xx(), () -> "SWUpdate's cancel acknowledgement (\"id\": " + action.id()
                + " as a JSON number, \"time\") would be lost: HTTP " + ack.status(), ack);
        if (ack.is2xx()) {
            lint(device, SUITE_CLIENT_07, !action.state().active(), () -> "SWUpdate's cancel acknowledgement (\"id\" as a "
                    + "JSON number) was answered HTTP " + ack.status() + " but action " + action.id() + " is still open", ack);
        }
    }

    // ---- shared steps ----------------------------------------------------------------------------------------

    private record Offer(ControllerBase poll, Link link) {
    }

    /** The poll and its {@code rel} link for action {@code actionId}; {@code req} is charged when it is missing. */
    private static Offer offered(Device device, String rel, long actionId, Req req) {
        ControllerBase poll = device.poll();
        Link link = poll.link(rel).filter(l -> l.actionId().orElse(-1) == actionId)
                .orElseThrow(() -> device.check().fail(req, "the poll offers " + rel + " for action " + actionId,
                        poll.describeLinks(), poll.exchange()));
        return new Offer(poll, link);
    }

    private static String lastSegment(Link link) {
        String h = link.href();
        int q = h.indexOf('?');
        if (q >= 0) {
            h = h.substring(0, q);
        }
        return h.substring(h.lastIndexOf('/') + 1);
    }

    /** A finding: a warning under {@code req} (a SHOULD), naming the client, with the request that showed it. */
    private static void lint(Device device, Req req, boolean ok, Supplier<String> finding, Exchange evidence) {
        if (!ok) {
            device.check().warn(req, finding.get() + (evidence == null ? "" : " — " + evidence.call().curl()));
        }
    }
}
