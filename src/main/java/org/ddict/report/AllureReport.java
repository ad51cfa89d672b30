package org.ddict.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Generates the single-file Allure HTML report with the Allure command line that ships inside the suite's jar
 * (Maven Central's {@code allure-commandline} zip), run in a child JVM: nothing is installed by hand.
 */
public final class AllureReport {

    private static final String ZIP = "/allure-cli/allure-commandline.zip";

    private AllureReport() {
    }

    /** Writes {@code report/index.html} from {@code results}; returns the index file. */
    public static Path generate(Path results, Path report) {
        return generate(results, report, "DDI conformance");
    }

    /** As {@link #generate(Path, Path)}, with the report's title (e.g. the verdict). */
    public static Path generate(Path results, Path report, String name) {
        Path home = commandLineHome();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String sep = System.getProperty("path.separator");
        List<String> command = List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
                home.resolve("lib") + "/*" + sep + home.resolve("lib").resolve("config"),
                "io.qameta.allure.CommandLine", "generate", results.toString(), "-o", report.toString(), "--clean", "--single-file",
                "--name", name);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("APP_HOME", home.toString());
        pb.environment().put("ALLURE_NO_ANALYTICS", "1"); // no network calls from a certification machine
        try {
            Process p = pb.start();
            byte[] output = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("allure generate failed: " + new String(output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run the Allure command line", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating the Allure report", e);
        }
        return report.resolve("index.html");
    }

    /** Unpacks the bundled command line once into the temp folder (atomically), and reuses it afterwards. */
    static Path commandLineHome() {
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "ddict-allure-" + SuiteVersion.get());
        try {
            if (Files.isDirectory(target)) {
                return home(target);
            }
            Path staging = Files.createTempDirectory("ddict-allure-staging");
            try (InputStream in = AllureReport.class.getResourceAsStream(ZIP)) {
                if (in == null) {
                    throw new IllegalStateException("the Allure command line is missing from the classpath (" + ZIP + ")");
                }
                try (ZipInputStream zip = new ZipInputStream(in)) {
                    for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                        Path out = staging.resolve(e.getName()).normalize();
                        if (!out.startsWith(staging)) {
                            continue;
                        }
                        if (e.isDirectory()) {
                            Files.createDirectories(out);
                        } else {
                            Files.createDirectories(out.getParent());
                            Files.copy(zip, out, StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            }
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                // another run unpacked it first
            }
            return home(target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the Allure command line", e);
        }
    }

    private static Path home(Path unpacked) throws IOException {
        try (var children = Files.list(unpacked)) {
            return children.filter(p -> Files.isDirectory(p.resolve("lib"))).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no Allure command line in " + unpacked));
        }
    }
}
