package org.ddict.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.ddict.cli.CommandLineTest.Result;
import org.ddict.reference.Defect;
import org.ddict.reference.ReferenceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Issue 4 §5: {@code --bundle} writes one zip with the reports, reproducers, inputs and a manifest — and no secret. */
class EvidenceBundleTest {

    @Test
    void theBundleHoldsReportsReproducersAndAManifestWithoutSecrets(@TempDir Path dir) throws IOException {
        String password = "pw-SECRET-bundle-91d3";
        String gateway = "gw-SECRET-bundle-5e7a";
        Path zip = dir.resolve("out/evidence.zip");
        Result r;
        try (ReferenceServer server = ReferenceServer.start(ReferenceServer.Options.defaults().withCredentials("lab", password)
                .withGatewayToken(gateway).withDefects(Set.of(Defect.SLEEP_AS_SECONDS)))) {
            r = CommandLineTest.cli("run", "--url", server.baseUri().toString(), "--mgmt-user", "lab", "--mgmt-password", password,
                    "--only", "BASE", "--reports", dir.resolve("reports").toString(), "--bundle", zip.toString());
        }
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("Evidence bundle " + zip.toAbsolutePath());

        Map<String, String> entries = new TreeMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                entries.put(e.getName(), new String(z.getInputStream(e).readAllBytes(), StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(entries).containsKeys("ddict-evidence/manifest.json", "ddict-evidence/summary.json", "ddict-evidence/summary.md",
                "ddict-evidence/allure-report/index.html");
        assertThat(entries.keySet()).anyMatch(k -> k.startsWith("ddict-evidence/junit/") && k.endsWith(".xml"))
                .anyMatch(k -> k.startsWith("ddict-evidence/allure-results/") && k.endsWith("-result.json"));

        String reproducer = entries.entrySet().stream()
                .filter(e -> e.getKey().startsWith("ddict-evidence/reproducers/failed-") && e.getValue().contains("# requirement DDI-BASE-09\n"))
                .map(Map.Entry::getValue).findFirst().orElseThrow(() -> new AssertionError("no reproducer for DDI-BASE-09: " + entries.keySet()));
        assertThat(reproducer).startsWith("#!/bin/sh").contains("# requirement DDI-BASE-09").contains("curl ")
                .contains("TargetToken $DDICT_TARGET_TOKEN");

        JsonNode manifest = JsonMapper.builder().build().readTree(entries.get("ddict-evidence/manifest.json"));
        assertThat(manifest.path("verdict").asString()).isEqualTo("NON_CONFORMANT");
        assertThat(manifest.path("suite").path("version").asString()).isNotBlank();
        assertThat(manifest.path("suite").path("jarSha256").asString()).isNotBlank();
        assertThat(manifest.path("server").path("url").asString()).startsWith("http://127.0.0.1:");
        assertThat(manifest.path("server").path("identity").path("poll").asString()).startsWith("HTTP 200");
        assertThat(manifest.path("options").path("only").asString()).isEqualTo("BASE");
        assertThat(manifest.path("files")).hasSizeGreaterThan(10);
        for (JsonNode f : manifest.path("files")) {
            String content = entries.get("ddict-evidence/" + f.path("path").asString());
            assertThat(content).as(f.path("path").asString()).isNotNull();
            assertThat(f.path("bytes").asInt()).isEqualTo(content.getBytes(StandardCharsets.ISO_8859_1).length);
        }

        Pattern unmaskedToken = Pattern.compile("(TargetToken|GatewayToken) (?!\\$DDICT)[A-Za-z0-9-]{8,}");
        entries.forEach((name, text) -> {
            assertThat(text).as("secret in %s", name).doesNotContain(password).doesNotContain(gateway);
            if (!name.endsWith("index.html")) {
                assertThat(unmaskedToken.matcher(text).find()).as("unmasked device token in %s", name).isFalse();
            }
        });
    }
}
