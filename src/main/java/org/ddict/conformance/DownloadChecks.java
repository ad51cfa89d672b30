package org.ddict.conformance;

import static org.ddict.catalogue.Req.*;
import static org.ddict.operator.AssignMode.SOFT;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.ddict.catalogue.Feature;
import org.ddict.catalogue.Req;
import org.ddict.conformance.support.Action;
import org.ddict.conformance.support.CheckContext;
import org.ddict.conformance.support.DdiChecks;
import org.ddict.conformance.support.Device;
import org.ddict.conformance.support.Requirement;
import org.ddict.conformance.support.RequiresFeature;
import org.ddict.conformance.support.Software;
import org.ddict.ddi.Exchange;
import org.ddict.ddi.HttpCall;
import org.ddict.operator.SoftwareSet;
import org.ddict.operator.StatusEntry;
import org.ddict.schema.DdiDocument;
import org.ddict.schema.Schemas;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Artifact delivery {@code GET {base}/softwaremodules/{M}/artifacts/{F}} (bytes, ranges, validators), its {@code .MD5SUM} and the list {@code …/artifacts}. */
@DdiChecks
@DisplayName("DOWNLOAD — artifact delivery")
class DownloadChecks {

    private static final Pattern DISPOSITION = Pattern.compile("(?i)^\\s*attachment\\s*;\\s*filename\\s*=\\s*\"?([^\";]+)\"?\\s*$");
    private static final Pattern BOUNDARY = Pattern.compile("(?i);\\s*boundary\\s*=\\s*\"?([^\";]+)\"?");
    private static final Pattern CONTENT_RANGE = Pattern.compile("^bytes (\\d+)-(\\d+)/(\\d+)$");

    @Test
    @Requirement(DDI_DOWNLOAD_01)
    void servesTheExactBytesOfTheArtifact(Device device) {
        Delivery d = deliver(device);
        Exchange e = d.get();
        d.expectFull(DDI_DOWNLOAD_01, e, "the full download");
        CheckContext check = device.check();
        byte[] bytes = e.bytes();
        check.require(DDI_DOWNLOAD_01, digest("SHA-1", bytes).equalsIgnoreCase(d.artifact.sha1())
                && digest("MD5", bytes).equalsIgnoreCase(d.artifact.md5()) && digest("SHA-256", bytes).equalsIgnoreCase(d.artifact.sha256()),
                "SHA-1, MD5 and SHA-256 of the served bytes equal the artifact's hashes", () -> "other digests", e);
        e.header("Content-Length").ifPresent(length -> check.require(DDI_DOWNLOAD_01, length.trim().equals(Long.toString(d.artifact.size())),
                "Content-Length: " + d.artifact.size(), () -> "Content-Length: " + length, e));
    }

    @Test
    @Requirement(DDI_DOWNLOAD_02)
    void sendsTheDownloadHeaders(Device device) {
        Delivery d = deliver(device);
        Exchange e = d.get();
        CheckContext check = device.check();
        check.require(e.is5xx() ? DDI_ERROR_10 : DDI_DOWNLOAD_01, e.status() == 200, "HTTP 200 with the artifact", e::describe, e);
        String etag = e.header("ETag").orElse("");
        check.require(DDI_DOWNLOAD_02, !etag.isBlank() && !etag.startsWith("W/"), "a strong ETag", () -> "ETag: " + etag, e);
        if (check.run().offers(Feature.RANGE)) {
            String ranges = e.header("Accept-Ranges").orElse("(none)");
            check.require(DDI_DOWNLOAD_02, ranges.trim().equalsIgnoreCase("bytes"), "Accept-Ranges: bytes (Opt:RANGE is declared)",
                    () -> "Accept-Ranges: " + ranges, e);
        }
        check.should(DDI_DOWNLOAD_02, e.mediaType().equals("application/octet-stream"), "Content-Type: application/octet-stream",
                () -> "Content-Type: " + e.header("Content-Type").orElse("(none)"), e);
        String disposition = e.header("Content-Disposition").orElse("(none)");
        Matcher m = DISPOSITION.matcher(disposition);
        check.should(DDI_DOWNLOAD_02, m.matches() && m.group(1).equals(d.artifact.filename()),
                "Content-Disposition: attachment;filename=" + d.artifact.filename(), () -> "Content-Disposition: " + disposition, e);
        check.should(DDI_DOWNLOAD_02, e.header("Last-Modified").isPresent(), "a Last-Modified header", () -> "none", e);
        check.should(DDI_DOWNLOAD_02, etag.equalsIgnoreCase("\"" + d.artifact.sha1() + "\""),
                "ETag: \"" + d.artifact.sha1() + "\" (the quoted SHA-1)", () -> "ETag: " + etag, e);
    }

    @Test
    @Requirement(DDI_DOWNLOAD_03)
    @RequiresFeature(Feature.RANGE)
    void servesASingleByteRange(Device device) {
        Delivery d = deliver(device);
        d.expectRange(DDI_DOWNLOAD_03, "bytes=0-99", 0, 99);
        d.expectRange(DDI_DOWNLOAD_03, "bytes=100-199", 100, 199);
    }

    @Test
    @Requirement(DDI_DOWNLOAD_04)
    @RequiresFeature(Feature.RANGE)
    void servesSuffixAndOpenEndedRanges(Device device) {
        Delivery d = deliver(device);
        int size = (int) d.artifact.size();
        d.expectRange(DDI_DOWNLOAD_04, "bytes=-1000", size - 1000, size - 1);
        d.expectRange(DDI_DOWNLOAD_04, "bytes=1000-", 1000, size - 1);
        d.expectRange(DDI_DOWNLOAD_04, "bytes=0-99999", 0, size - 1);
    }

    @Test
    @Requirement(DDI_DOWNLOAD_05)
    @RequiresFeature(Feature.RANGE)
    void refusesARangeBeyondTheEndWith416(Device device) {
        Delivery d = deliver(device);
        CheckContext check = device.check();
        long size = d.artifact.size();
        Exchange e = d.get("Range", "bytes=" + size + "-");
        check.refused(DDI_DOWNLOAD_05, e, "HTTP 416 for a range that starts at the end of the artifact", s -> s == 416, null);
        String contentRange = e.header("Content-Range").orElse("(none)");
        check.require(DDI_DOWNLOAD_05, contentRange.trim().equals("bytes */" + size), "Content-Range: bytes */" + size,
                () -> "Content-Range: " + contentRange, e);
        Exchange reversed = d.get("Range", "bytes=100-10");
        check.refused(DDI_DOWNLOAD_05, reversed, "a client error or the full artifact for a reversed range", s -> s < 500, null);
        check.should(DDI_DOWNLOAD_05, reversed.status() == 416
                || reversed.status() == 200 && Arrays.equals(reversed.bytes(), d.artifact.bytes()),
                "HTTP 416, or HTTP 200 with the whole artifact, for the reversed range bytes=100-10", reversed::describe, reversed);
    }

    @Test
    @Requirement(DDI_DOWNLOAD_06)
    @RequiresFeature(Feature.RANGE)
    void servesSeveralRangesWithTheRightBytes(Device device) {
        Delivery d = deliver(device);
        CheckContext check = device.check();
        Exchange e = d.get("Range", "bytes=0-9,20-29");
        if (e.status() == 200) {
            d.expectFull(DDI_DOWNLOAD_06, e, "the whole artifact when the ranges are ignored");
            return;
        }
        check.require(DDI_DOWNLOAD_06, e.status() == 206, "HTTP 206 (or 200 with the whole artifact)", e::describe, e);
        if (!e.mediaType().equals("multipart/byteranges")) {
            d.expectPart(DDI_DOWNLOAD_06, e, e.header("Content-Range").orElse(""), e.bytes());
            return;
        }
        String type = e.header("Content-Type").orElse("");
        Matcher b = BOUNDARY.matcher(type);
        check.require(DDI_DOWNLOAD_06, b.find(), "a boundary parameter in " + type, () -> type, e);
        List<Part> parts = parts(e.bytes(), b.group(1));
        check.require(DDI_DOWNLOAD_06, !parts.isEmpty(), "at least one part delimited by --" + b.group(1), e::describe, e);
        for (Part p : parts) {
            d.expectPart(DDI_DOWNLOAD_06, e, p.contentRange, p.bytes);
        }
        Set<String> covered = parts.stream().map(p -> p.contentRange).collect(Collectors.toSet());
        check.require(DDI_DOWNLOAD_06, covered.containsAll(Set.of("bytes 0-9/" + d.artifact.size(), "bytes 20-29/" + d.artifact.size()))
                || parts.size() < 2, "parts for bytes 0-9 and 20-29", covered::toString, e);
    }

    @Test
    @Requirement(DDI_DOWNLOAD_07)
    void honoursIfMatchWithTheCurrentEntityTag(Device device) {
        Delivery d = deliver(device);
        CheckContext check = device.check();
        String quoted = d.get().header("ETag").orElse("\"" + d.artifact.sha1() + "\"");
        Exchange e = d.get("If-Match", quoted);
        if (e.status() == 412) {
            // hawkBit compares the bare SHA-1 (catalogue §5 Q-03): the quoted entity-tag failing is no deviation
            e = d.get("If-Match", d.artifact.sha1());
        }
        d.expectFull(DDI_DOWNLOAD_07, e, "the full artifact for If-Match naming the current entity-tag (quoted or bare SHA-1)");
        d.expectFull(DDI_DOWNLOAD_07, d.get("If-Match", "*"), "the full artifact for If-Match: *");
        Exchange wrong = d.get("If-Match", "\"ddict-wrong\"");
        check.refused(DDI_DOWNLOAD_07, wrong, "HTTP 412 for an If-Match that names no current entity-tag", s -> s == 412, null);
    }

    @Test
    @Requirement(DDI_DOWNLOAD_08)
    void answersIfNoneMatchWithNotModifiedOrTheFullArtifact(Device device) {
        Delivery d = deliver(device);
        CheckContext check = device.check();
        String etag = d.get().header("ETag").orElse("\"" + d.artifact.sha1() + "\"");
        Exchange e = d.get("If-None-Match", etag);
        if (e.status() == 304) {
            check.require(DDI_DOWNLOAD_08, !e.hasBody(), "HTTP 304 without a body", e::describe, e);
        } else {
            d.expectFull(DDI_DOWNLOAD_08, e, "HTTP 304, or HTTP 200 with the whole artifact, for If-None-Match: " + etag);
        }
    }

    @Test
    @Requirement(DDI_DOWNLOAD_09)
    @RequiresFeature(Feature.RANGE)
    void honoursIfRangeWithTheCurrentEntityTag(Device device) {
        Delivery d = deliver(device);
        String etag = d.get().header("ETag").orElse("\"" + d.artifact.sha1() + "\"");
        d.expectRange(DDI_DOWNLOAD_09, d.call().header("Range", "bytes=0-9").header("If-Range", etag), 0, 9);
        Exchange stale = d.send(d.call().header("Range", "bytes=0-9").header("If-Range", "\"ddict-stale\""));
        if (stale.status() != 206) {
            d.expectFull(DDI_DOWNLOAD_09, stale, "the whole artifact for a stale If-Range");
        }
    }

    @Test
    @Requirement(DDI_DOWNLOAD_10)
    void servesTheChecksumFile(Device device) {
        Delivery d = deliver(device);
        CheckContext check = device.check();
        Exchange e = d.send(device.call("GET", d.path + ".MD5SUM").header("Accept", "text/plain"));
        check.require(DDI_DOWNLOAD_10, e.status() == 200, "HTTP 200 with the checksum file", e::describe, e);
        check.require(DDI_DOWNLOAD_10, e.mediaType().equals("text/plain"), "Content-Type: text/plain",
                () -> "Content-Type: " + e.header("Content-Type").orElse("(none)"), e);
        String body = new String(e.bytes(), StandardCharsets.US_ASCII);
        Matcher m = Schemas.MD5SUM_LINE.matcher(body);
        String md5 = digest("MD5", d.artifact.bytes());
        check.require(DDI_DOWNLOAD_10, m.matches() && m.group(1).equalsIgnoreCase(md5) && m.group(1).equalsIgnoreCase(d.artifact.md5())
                && m.group(2).equals(d.artifact.filename()), "'" + md5 + "  " + d.artifact.filename() + "'", () -> "'" + body + "'", e);
        String disposition = e.header("Content-Disposition").orElse("(none)");
        check.require(DDI_DOWNLOAD_10, disposition.contains(d.artifact.filename() + ".MD5SUM"),
                "Content-Disposition naming " + d.artifact.filename() + ".MD5SUM", () -> disposition, e);
    }

    @Test
    @Requirement(DDI_DOWNLOAD_11)
    void servesNoArtifactOfAModuleThatIsNotAssigned(Device device) {
        Delivery d = deliver(device);
        CheckContext check = device.check();
        SoftwareSet other = check.run().operator().createSoftware(Software.standard(device));
        SoftwareSet.Module module = other.module("os");
        String path = "/softwaremodules/" + module.id() + "/artifacts/" + module.artifacts().get(0).filename();
        for (HttpCall call : List.of(device.call("GET", path), device.call("GET", path).header("Range", "bytes=0-99"),
                device.call("GET", path + ".MD5SUM"))) {
            Exchange e = d.send(call);
            check.refused(DDI_DOWNLOAD_11, e, "HTTP 404 (or 403): the module is not part of an open action of the controller",
                    s -> s == 404 || s == 403, null);
        }
        device.expectNotFound(DDI_DOWNLOAD_11, "/softwaremodules/" + Long.MAX_VALUE + "/artifacts/" + d.artifact.filename(),
                "an unknown software module");
        device.expectNotFound(DDI_DOWNLOAD_11, "/softwaremodules/" + d.module.id() + "/artifacts/ddict-unknown.bin",
                "an unknown file name in an assigned module");
    }

    @Test
    @Requirement(DDI_DOWNLOAD_12)
    void listsTheArtifactsOfOpenAndInstalledModules(Device device) {
        Delivery d = deliver(device);
        CheckContext check = device.check();
        JsonNode chunk = DeployChecks.chunk(device, device.deployment(d.action.id()), d.module);
        String list = "/softwaremodules/" + d.module.id() + "/artifacts";
        JsonNode open = device.getDocument(DDI_DOWNLOAD_12, list, DdiDocument.ARTIFACT_LIST, DDI_SCHEMA_07);
        check.require(DDI_DOWNLOAD_12, summary(open).equals(summary(chunk.path("artifacts"))),
                "the artifacts of the chunk " + summary(chunk.path("artifacts")), () -> summary(open).toString(), null);
        StateChecks.closeSuccessfully(device, d.action);
        device.getDocument(DDI_DOWNLOAD_12, list, DdiDocument.ARTIFACT_LIST, DDI_SCHEMA_07);
        SoftwareSet other = check.run().operator().createSoftware(Software.standard(device));
        device.expectNotFound(DDI_DOWNLOAD_12, "/softwaremodules/" + other.module("os").id() + "/artifacts",
                "a module never assigned to the controller");
    }

    @Test
    @Requirement(DDI_DOWNLOAD_13)
    void refusesOtherMethodsOnArtifacts(Device device) {
        Delivery d = deliver(device);
        CheckContext check = device.check();
        for (String path : List.of(d.path, d.path + ".MD5SUM")) {
            for (String method : List.of("PUT", "POST", "DELETE")) {
                HttpCall call = device.call(method, path);
                Exchange e = d.send(method.equals("DELETE") ? call : call.body("application/octet-stream", "ddict"));
                check.refused(DDI_DOWNLOAD_13, e, "HTTP 405 for " + method + " (401/403 accepted)",
                        s -> s == 405 || s == 401 || s == 403, null);
            }
        }
    }

    @Test
    @Requirement(DDI_DOWNLOAD_14)
    void mayServeArtifactsWhileTheActionIsBeingCancelled(Device device) {
        Delivery d = deliver(device);
        d.action.requestCancel();
        CancelChecks.cancelLink(device, d.action);
        d.serveEitherNothingOrTheArtifact("while the action is being cancelled");
    }

    @Test
    @Requirement(DDI_DOWNLOAD_14)
    void mayServeArtifactsAfterTheActionWasCancelled(Device device) {
        Delivery d = deliver(device);
        d.action.requestCancel();
        CancelChecks.confirmCancellation(device, d.action);
        d.serveEitherNothingOrTheArtifact("after the action was cancelled");
    }

    @Test
    @Requirement(DDI_DOWNLOAD_14)
    void mayServeArtifactsAfterInstallation(Device device) {
        Delivery d = deliver(device);
        StateChecks.closeSuccessfully(device, d.action);
        d.serveEitherNothingOrTheArtifact("after the action was installed");
    }

    @Test
    @Requirement(DDI_DOWNLOAD_15)
    void recordsFullDownloadsAsDownloadEntriesIfAtAll(Device device) {
        Delivery d = deliver(device);
        Set<Long> before = d.action.history().stream().map(StatusEntry::id).collect(Collectors.toSet());
        d.get();
        List<StatusEntry> added = d.action.history().stream().filter(s -> !before.contains(s.id())).toList();
        // recording a download is optional (INFO); an entry that is recorded should say what happened
        device.check().should(DDI_DOWNLOAD_15, added.stream().allMatch(s -> s.type().equals("download")),
                "no new status entry, or entries of type download, after a full download", added::toString, null);
    }

    // ---- shared steps ----------------------------------------------------------------------------------------

    /** Area default: an open soft action (polled) whose os module carries one 5 KiB artifact. */
    private static Delivery deliver(Device device) {
        Action action = device.openAction(SOFT);
        SoftwareSet.Module module = action.software().module("os");
        SoftwareSet.Artifact artifact = module.artifacts().get(0);
        return new Delivery(device, action, module, artifact,
                "/softwaremodules/" + module.id() + "/artifacts/" + artifact.filename());
    }

    private record Delivery(Device device, Action action, SoftwareSet.Module module, SoftwareSet.Artifact artifact, String path) {

        HttpCall call() {
            return device.call("GET", path).header("Accept", "application/octet-stream");
        }

        Exchange send(HttpCall call) {
            return device.send(call);
        }

        Exchange get() {
            return send(call());
        }

        Exchange get(String header, String value) {
            return send(call().header(header, value));
        }

        /** 200 with exactly the uploaded bytes. */
        void expectFull(Req req, Exchange e, String what) {
            device.check().require(e.is5xx() ? DDI_ERROR_10 : req, e.status() == 200 && Arrays.equals(e.bytes(), artifact.bytes()),
                    "HTTP 200 with " + what + " (" + artifact.size() + " bytes)", e::describe, e);
        }

        void expectRange(Req req, String range, long start, long end) {
            expectRange(req, call().header("Range", range), start, end);
        }

        /** 206 with {@code Content-Range: bytes start-end/size}, a matching Content-Length and exactly those bytes. */
        void expectRange(Req req, HttpCall call, long start, long end) {
            CheckContext check = device.check();
            Exchange e = send(call);
            String range = call.headerValue("Range");
            check.require(e.is5xx() ? DDI_ERROR_10 : req, e.status() == 206, "HTTP 206 for Range: " + range, e::describe, e);
            String expected = "bytes " + start + "-" + end + "/" + artifact.size();
            String contentRange = e.header("Content-Range").orElse("(none)");
            check.require(req, contentRange.trim().equals(expected), "Content-Range: " + expected, () -> "Content-Range: " + contentRange, e);
            e.header("Content-Length").ifPresent(length -> check.require(req, length.trim().equals(Long.toString(end - start + 1)),
                    "Content-Length: " + (end - start + 1), () -> "Content-Length: " + length, e));
            check.require(req, Arrays.equals(e.bytes(), Arrays.copyOfRange(artifact.bytes(), (int) start, (int) end + 1)),
                    "bytes " + start + ".." + end + " of the artifact", () -> e.bytes().length + " other bytes", e);
        }

        /** One part (or a single-part answer): its Content-Range names a span of the artifact and it carries those bytes. */
        void expectPart(Req req, Exchange e, String contentRange, byte[] bytes) {
            Matcher m = CONTENT_RANGE.matcher(contentRange.trim());
            device.check().require(req, m.matches() && Long.parseLong(m.group(3)) == artifact.size(),
                    "Content-Range: bytes s-e/" + artifact.size(), () -> "Content-Range: " + contentRange, e);
            int start = Integer.parseInt(m.group(1));
            int end = Integer.parseInt(m.group(2));
            device.check().require(req, end < artifact.size() && start <= end
                    && Arrays.equals(bytes, Arrays.copyOfRange(artifact.bytes(), start, end + 1)),
                    "bytes " + start + ".." + end + " of the artifact for " + contentRange, () -> bytes.length + " other bytes", e);
        }

        /** DDI-DOWNLOAD-14 is informational: a refusal is fine; an artifact that is served should be the artifact. */
        void serveEitherNothingOrTheArtifact(String when) {
            Exchange e = get();
            if (e.status() == 200) {
                device.check().should(DDI_DOWNLOAD_14, Arrays.equals(e.bytes(), artifact.bytes()),
                        "either a refusal or the whole artifact " + when, e::describe, e);
            }
        }
    }

    private record Part(String contentRange, byte[] bytes) {
    }

    /** The parts of a multipart/byteranges body (RFC 9110 §14.6), read byte-exactly. */
    private static List<Part> parts(byte[] body, String boundary) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary;
        List<Part> parts = new ArrayList<>();
        int at = text.indexOf(delimiter);
        while (at >= 0) {
            int lineEnd = text.indexOf("\r\n", at);
            if (lineEnd < 0 || text.startsWith(delimiter + "--", at)) {
                break;
            }
            int headersEnd = text.indexOf("\r\n\r\n", lineEnd);
            int next = text.indexOf("\r\n" + delimiter, headersEnd < 0 ? lineEnd : headersEnd);
            if (headersEnd < 0 || next < 0) {
                break;
            }
            String contentRange = "";
            for (String line : text.substring(lineEnd + 2, headersEnd).split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Range")) {
                    contentRange = line.substring(colon + 1).trim();
                }
            }
            parts.add(new Part(contentRange, Arrays.copyOfRange(body, headersEnd + 4, next)));
            at = next + 2;
        }
        return parts;
    }

    /** filename → size and lower-case hashes, for comparing artifact entries. */
    private static Set<String> summary(JsonNode artifacts) {
        Set<String> entries = new java.util.TreeSet<>();
        for (JsonNode a : artifacts) {
            JsonNode h = a.path("hashes");
            entries.add(a.path("filename").asString("") + " " + a.path("size").asLong(-1) + " "
                    + (h.path("sha1").asString("") + " " + h.path("md5").asString("") + " " + h.path("sha256").asString(""))
                    .toLowerCase(Locale.ROOT));
        }
        return entries;
    }

    private static String digest(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
