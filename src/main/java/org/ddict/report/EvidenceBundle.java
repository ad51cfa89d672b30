package org.ddict.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.ddict.config.Redaction;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The evidence bundle ({@code --bundle FILE.zip}): one file a lab archives or hands to a customer. It holds the
 * reports of the run (summary.json/md, JUnit XML, Allure results and report), one masked curl reproducer script per
 * failed or warned check, the inputs that shaped the verdict (profile, dialect, waivers, options), and a manifest with
 * the suite version, the SHA-256 of the suite's jar, the server's URL and the identity it reported, and the SHA-256
 * of every file in the bundle. Everything in it went through {@link Redaction}: no secret leaves the machine.
 */
public final class EvidenceBundle {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the bundle records besides the reports. */
    public record Inputs(Map<String, String> options, Map<String, String> serverIdentity, List<Path> inputFiles) {
    }

    private EvidenceBundle() {
    }

    /** Writes {@code zip} from the reports in {@code reports} (after the run) and returns the number of entries. */
    public static int write(Path zip, Path reports, Summary summary, Inputs inputs) {
        Map<String, byte[]> entries = new TreeMap<>();
        for (String name : List.of("summary.json", "summary.md")) {
            addFile(entries, reports.resolve(name), name);
        }
        for (String dir : List.of("junit", "allure-results", "allure-report")) {
            addTree(entries, reports.resolve(dir), dir);
        }
        reproducers(reports.resolve("allure-results")).forEach((name, text) -> entries.put("reproducers/" + name, bytes(text)));
        for (Path input : inputs.inputFiles()) {
            addFile(entries, input, "inputs/" + input.getFileName());
        }
        entries.put("manifest.json", manifest(summary, inputs, entries));
        try {
            Path parent = zip.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    out.putNextEntry(new ZipEntry("ddict-evidence/" + e.getKey()));
                    out.write(e.getValue());
                    out.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the evidence bundle " + zip, e);
        }
        return entries.size();
    }

    private static byte[] manifest(Summary summary, Inputs inputs, Map<String, byte[]> entries) {
        ObjectNode m = JSON.createObjectNode();
        m.put("bundle", "DDI Conformance Suite evidence bundle");
        m.put("createdAt", Instant.now().toString());
        m.put("verdict", summary.verdict().name());
        ObjectNode suite = m.putObject("suite");
        suite.put("version", SuiteVersion.get());
        Path jar = suiteJar();
        suite.put("jar", jar == null ? "(not run from a jar)" : jar.getFileName().toString());
        suite.put("jarSha256", jar == null ? "(not run from a jar)" : sha256(jar));
        ObjectNode server = m.putObject("server");
        server.put("url", summary.server().url());
        server.put("tenant", summary.server().tenant());
        server.put("managementUrl", summary.server().mgmtUrl());
        server.put("operator", summary.server().operator());
        server.put("embeddedReferenceServer", summary.server().embedded());
        ObjectNode identity = server.putObject("identity");
        inputs.serverIdentity().forEach((k, v) -> identity.put(k, Redaction.apply(v)));
        ObjectNode options = m.putObject("options");
        inputs.options().forEach((k, v) -> options.put(k, Redaction.apply(v)));
        ObjectNode run = m.putObject("run");
        run.put("prefix", summary.run().prefix()).put("startedAt", summary.run().startedAt())
                .put("durationMs", summary.run().durationMillis()).put("requests", summary.run().requests());
        ArrayNode files = m.putArray("files");
        entries.forEach((name, content) -> files.addObject().put("path", name).put("bytes", content.length)
                .put("sha256", sha256(content)));
        return bytes(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(m) + "\n");
    }

    /**
     * One shell script per failed, broken or warned check: its requirement(s), the reason, and every request it
     * sent as a curl line (credentials as {@code $DDICT_*} variables, from the Allure attachments).
     */
    static Map<String, String> reproducers(Path results) {
        Map<String, String> scripts = new TreeMap<>();
        if (!Files.isDirectory(results)) {
            return scripts;
        }
        try (Stream<Path> files = Files.list(results)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith("-result.json")).toList()) {
                JsonNode r = JSON.readTree(f.toFile());
                String status = r.path("status").asString();
                String message = r.path("statusDetails").path("message").asString("");
                boolean warned = hasWarning(r);
                if (!status.equals("failed") && !status.equals("broken") && !warned) {
                    continue;
                }
                List<String> curls = new ArrayList<>();
                for (JsonNode a : r.path("attachments")) {
                    Path source = results.resolve(a.path("source").asString());
                    if (Files.isRegularFile(source)) {
                        String first = Files.readString(source, StandardCharsets.UTF_8).lines().findFirst().orElse("");
                        if (first.startsWith("curl ")) {
                            curls.add(first);
                        }
                    }
                }
                StringBuilder sh = new StringBuilder("#!/bin/sh\n# Reproduces ").append(r.path("fullName").asString())
                        .append(" (").append(status.equals("passed") ? "warning" : status).append(")\n");
                for (JsonNode l : r.path("labels")) {
                    if (l.path("name").asString().equals("requirement")) {
                        sh.append("# requirement ").append(l.path("value").asString()).append('\n');
                    }
                }
                message.lines().limit(20).forEach(line -> sh.append("# ").append(line).append('\n'));
                sh.append("# Credentials are not in this file: export DDICT_TARGET_TOKEN (the controller's target token),\n")
                        .append("# DDICT_GATEWAY_TOKEN and DDICT_MGMT_BASIC (base64 user:password) as the requests need them.\n")
                        .append("# The controllers and actions named below were created by the run and deleted at its end:\n")
                        .append("# re-create them (see the check) before replaying.\n\n");
                curls.forEach(c -> sh.append(c).append("\n\n"));
                String name = (status.equals("passed") ? "warned" : status) + "-" + r.path("fullName").asString() + ".sh";
                scripts.put(name, Redaction.apply(sh.toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + results, e);
        }
        return scripts;
    }

    /** A check that passed with a warning carries a step "WARN DDI-…" (see CheckContext.warn). */
    private static boolean hasWarning(JsonNode result) {
        for (JsonNode step : result.path("steps")) {
            if (step.path("name").asString().startsWith("WARN ")) {
                return true;
            }
        }
        return false;
    }

    private static void addFile(Map<String, byte[]> entries, Path file, String name) {
        if (Files.isRegularFile(file)) {
            try {
                entries.put(name, Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
    }

    private static void addTree(Map<String, byte[]> entries, Path dir, String prefix) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).forEach(f -> addFile(entries, f, prefix + "/" + dir.relativize(f).toString().replace('\\', '/')));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
    }

    /** The jar the suite runs from, or {@code null} when it runs from classes (development, tests). */
    static Path suiteJar() {
        try {
            var source = EvidenceBundle.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            Path p = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? p : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest())) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static String sha256(byte[] content) {
        return HexFormat.of().formatHex(digest().digest(content));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
