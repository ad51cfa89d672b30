package org.ddict.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.Deflater;

import javax.xml.parsers.DocumentBuilderFactory;

import org.ddict.conformance.DdiConformanceSuite;
import org.ddict.reference.Defect;
import org.ddict.reference.ReferenceServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The README's "Run the suite inside your own build", for real: {@code examples/consumer} is copied to a temp folder and
 * built with a nested {@code mvn test -Dddi.url=…} against the reference server. The suite's jar (this build's
 * {@code target/classes}) and pom are served from a throwaway local repository whose every other entry is a link into
 * this build's own local repository: nothing is installed there, and every other artifact resolves as it did for this build.
 */
class ConsumerBuildTest {

    private static final String GROUP_PATH = "org/ddict/ddi-conformance";
    private static final Duration NESTED_BUILD_TIMEOUT = Duration.ofSeconds(150);

    @TempDir
    static Path temp;

    private static Path project;
    private static Path repository;
    private static Path consumer;

    @BeforeAll
    static void prepareRepositoryAndConsumer() throws Exception {
        project = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        Document pom = xml(project.resolve("pom.xml"));
        String version = text(pom.getDocumentElement(), "version");

        Path localRepository = Path.of(Optional.ofNullable(System.getProperty("ddict.maven.repo.local"))
                .filter(s -> !s.isBlank() && !s.contains("${"))
                .orElse(System.getProperty("user.home") + "/.m2/repository"));
        repository = temp.resolve("repository");
        Path versionDir = linkedMirror(localRepository, repository, GROUP_PATH + "/" + version);
        jar(classesDir(), versionDir.resolve("ddi-conformance-" + version + ".jar"));
        Files.copy(project.resolve("pom.xml"), versionDir.resolve("ddi-conformance-" + version + ".pom"));

        consumer = temp.resolve("consumer");
        copyTree(project.resolve("examples/consumer"), consumer);
    }

    @Test
    void theExampleUsesThisBuildsVersions() throws Exception {
        Element main = xml(project.resolve("pom.xml")).getDocumentElement();
        Element example = xml(project.resolve("examples/consumer/pom.xml")).getDocumentElement();
        Element exampleProperties = child(example, "properties");
        assertThat(text(exampleProperties, "ddi-conformance.version"))
                .as("examples/consumer/pom.xml: the suite's version").isEqualTo(text(main, "version"));
        assertThat(text(exampleProperties, "junit.version"))
                .as("examples/consumer/pom.xml: the JUnit version").isEqualTo(text(child(main, "properties"), "junit.version"));
        Map<String, String> mainPlugins = plugins(main);
        plugins(example).forEach((artifactId, v) -> assertThat(v)
                .as("examples/consumer/pom.xml: the version of " + artifactId + " (the one this build uses, so it is cached)")
                .isEqualTo(mainPlugins.get(artifactId)));
    }

    @Test
    void aConsumerBuildRunsTheSelectedChecksPassesWithWarningsAndFailsOnAMustFailure() throws Exception {
        String password = "consumer-secret-" + Long.toHexString(System.nanoTime());
        // a server that breaks only a SHOULD (SUITE-CLIENT-04: no http download link): the build passes with a warning
        try (ReferenceServer faithful = ReferenceServer.start(ReferenceServer.Options.defaults().withCredentials("vendor", password)
                .withDefects(Set.of(Defect.HTTPS_DOWNLOAD_ONLY)))) {
            Build build = mvn(consumer, Map.of("DDI_MGMT_PASSWORD", password), "test", "-Dddi.url=" + faithful.baseUri(),
                    "-Dddi.mgmt.user=vendor", "-Dddi.only=DDI-BASE-09,SUITE-CLIENT-04");
            assertThat(build.exitCode()).as("exit code of the consumer build against the faithful server\n" + build.tail())
                    .isZero();
        }
        List<TestCase> cases = testCases(consumer.resolve("target/surefire-reports"));
        List<TestCase> ran = cases.stream().filter(c -> !c.skipped()).toList();
        assertThat(cases.size()).as("every check is a test case of the consumer's build").isGreaterThan(100);
        assertThat(ran).as("the checks selected by -Dddi.only (the others are skipped)")
                .extracting(TestCase::className)
                .containsExactlyInAnyOrder("org.ddict.conformance.BaseChecks", "org.ddict.conformance.ClientCompatibilityChecks");
        assertThat(ran).allSatisfy(c -> assertThat(c.problem()).as(c.name()).isNull());
        // a broken SHOULD is a warning: the check passes and says so in its output, naming the client it protects
        assertThat(ran).filteredOn(c -> c.className().endsWith("ClientCompatibilityChecks")).singleElement()
                .satisfies(c -> assertThat(c.output()).contains("WARN SUITE-CLIENT-04").contains("SWUpdate"));
        try (Stream<Path> results = Files.list(consumer.resolve("target/allure-results"))) {
            assertThat(results.map(p -> p.getFileName().toString())).as("Allure results of the consumer's build")
                    .anyMatch(n -> n.endsWith("-result.json"));
        }
        String basic = java.util.Base64.getEncoder().encodeToString(("vendor:" + password).getBytes(StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.walk(consumer.resolve("target"))) {
            assertThat(files.filter(Files::isRegularFile)).as("files of the consumer's build that contain the password")
                    .noneMatch(f -> contains(f, password) || contains(f, basic));
        }

        deleteTree(consumer.resolve("target/surefire-reports"));
        try (ReferenceServer broken = ReferenceServer.start(ReferenceServer.Options.defaults()
                .withDefects(Set.of(Defect.SLEEP_AS_SECONDS)))) {
            Build build = mvn(consumer, Map.of(), "test", "-Dddi.url=" + broken.baseUri(), "-Dddi.only=DDI-BASE-09");
            assertThat(build.exitCode()).as("exit code of the consumer build against a server that breaks DDI-BASE-09\n"
                    + build.tail()).isNotZero();
        }
        List<TestCase> failed = testCases(consumer.resolve("target/surefire-reports")).stream()
                .filter(c -> c.problem() != null).toList();
        assertThat(failed).singleElement().satisfies(c -> {
            assertThat(c.className()).isEqualTo("org.ddict.conformance.BaseChecks");
            assertThat(c.problem()).contains("DDI-BASE-09");
        });
    }

    private record Build(int exitCode, String log) {
        String tail() {
            String[] lines = log.split("\n");
            return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 60), lines.length));
        }
    }

    private static boolean contains(Path file, String text) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Build mvn(Path dir, Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(mavenExecutable().toString(), "-B", "-ntp",
                "-Dmaven.repo.local=" + repository, "-f", dir.resolve("pom.xml").toString()));
        if (System.getProperty("ddict.maven.offline", "").equals("offline=true")) {
            command.add("-o");
        }
        command.addAll(List.of(args));
        Path log = Files.createTempFile(temp, "mvn-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("MAVEN_PROJECTBASEDIR");
        builder.environment().remove("MAVEN_BASEDIR");
        builder.environment().keySet().removeIf(name -> name.startsWith("DDI_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(NESTED_BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            fail("the consumer build did not finish within " + NESTED_BUILD_TIMEOUT + ": " + command + "\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Build(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** This build's Maven, else {@code mvn} on the PATH. */
    private static Path mavenExecutable() {
        boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
        String name = windows ? "mvn.cmd" : "mvn";
        String home = System.getProperty("ddict.maven.home", "");
        if (!home.isBlank() && !home.contains("${") && Files.isExecutable(Path.of(home, "bin", name))) {
            return Path.of(home, "bin", name);
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(s -> !s.isBlank())
                .map(s -> Path.of(s, name))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new AssertionError("'" + name + "' is not on the PATH: this test runs a nested Maven build"
                        + " of examples/consumer (run it from Maven, or put Maven on the PATH)"));
    }

    /**
     * Makes {@code target} a local repository that shows everything of {@code source} through links, except the path
     * {@code keep} (a real, empty folder, returned): along that path, each folder is real and its other entries are links.
     */
    private static Path linkedMirror(Path source, Path target, String keep) throws IOException {
        Path from = source;
        Path to = target;
        Files.createDirectories(to);
        for (String segment : keep.split("/")) {
            if (Files.isDirectory(from)) {
                try (Stream<Path> entries = Files.list(from)) {
                    for (Path entry : (Iterable<Path>) entries::iterator) {
                        if (!entry.getFileName().toString().equals(segment)) {
                            Files.createSymbolicLink(to.resolve(entry.getFileName().toString()), entry.toAbsolutePath());
                        }
                    }
                }
            }
            from = from.resolve(segment);
            to = Files.createDirectories(to.resolve(segment));
        }
        return to;
    }

    private static Path classesDir() throws Exception {
        Path classes = Path.of(DdiConformanceSuite.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(classes).as("the suite's compiled classes").isDirectory();
        assertThat(classes.resolve("META-INF/services")).as("resources in " + classes).isDirectory();
        return classes;
    }

    /** The main artifact as {@code mvn package} builds it: the compiled classes and resources. */
    private static void jar(Path classes, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(classes)) {
            out.setLevel(Deflater.BEST_SPEED);
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                String name = classes.relativize(file).toString().replace(File.separatorChar, '/');
                if (name.isEmpty()) {
                    continue;
                }
                out.putNextEntry(new JarEntry(Files.isDirectory(file) ? name + "/" : name));
                if (!Files.isDirectory(file)) {
                    try (InputStream in = Files.newInputStream(file)) {
                        in.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path relative = from.relativize(file);
                if (relative.startsWith("target")) {
                    continue;
                }
                Path dest = to.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(file, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    /** One {@code <testcase>} of a surefire XML report; {@code problem} is the failure or error message, if any. */
    private record TestCase(String className, String name, boolean skipped, String problem, String output) {
    }

    private static List<TestCase> testCases(Path reports) throws Exception {
        assertThat(reports).as("surefire reports of the consumer build").isDirectory();
        List<TestCase> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(reports)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).toList()) {
                NodeList nodes = xml(file).getElementsByTagName("testcase");
                for (int i = 0; i < nodes.getLength(); i++) {
                    Element c = (Element) nodes.item(i);
                    Element problem = Optional.ofNullable(child(c, "failure")).orElse(child(c, "error"));
                    Element out = child(c, "system-out");
                    cases.add(new TestCase(c.getAttribute("classname"), c.getAttribute("name"), child(c, "skipped") != null,
                            problem == null ? null : problem.getAttribute("message") + "\n" + problem.getTextContent(),
                            out == null ? "" : out.getTextContent()));
                }
            }
        }
        return cases;
    }

    private static Map<String, String> plugins(Element project) {
        Element plugins = child(child(project, "build"), "plugins");
        List<Element> list = new ArrayList<>();
        for (Node n = plugins.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("plugin")) {
                list.add(e);
            }
        }
        return list.stream().collect(Collectors.toMap(p -> text(p, "artifactId"), p -> text(p, "version")));
    }

    private static Document xml(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    /** The direct child element with this name, or null. */
    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }
}
