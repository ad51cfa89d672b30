package org.ddict.schema;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every real hawkBit 1.1.0 DDI body validates against its schema (catalogue Appendix A, "the sample wins"). */
class SchemaSamplesTest {

    private static final Schemas SCHEMAS = Schemas.fromClasspath();

    static Stream<String> bundledJsonSamples() {
        return SchemaSampleFiles.files(SchemaSampleFiles.bundledFolder()).stream()
                .map(p -> p.getFileName().toString())
                .filter(n -> n.endsWith(".json"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundledJsonSamples")
    void bundledSampleValidates(String fileName) {
        DdiDocument document = SchemaSampleFiles.documentFor(fileName)
                .orElseThrow(() -> new AssertionError("bundled sample without a schema mapping: " + fileName));
        List<SchemaViolation> violations = SCHEMAS.validate(document, SchemaSampleFiles.bundled(fileName));
        assertThat(violations).as("%s against %s", fileName, document.fileName())
                .extracting(SchemaViolation::describe).isEmpty();
    }

    @Test
    void bundledSamplesCoverEveryResponseSchemaExceptExceptionInfo() {
        Set<DdiDocument> covered = EnumSet.noneOf(DdiDocument.class);
        bundledJsonSamples().forEach(n -> SchemaSampleFiles.documentFor(n).ifPresent(covered::add));
        assertThat(covered).containsExactlyInAnyOrder(DdiDocument.CONTROLLER_BASE, DdiDocument.DEPLOYMENT_BASE,
                DdiDocument.CANCEL, DdiDocument.CONFIRMATION_BASE, DdiDocument.CONFIRMATION_BASE_ACTION,
                DdiDocument.ARTIFACT_LIST);
        assertThat(bundledJsonSamples().count()).isEqualTo(28);
    }

    @Test
    void bundledChecksumFileMatchesA9() {
        String text = SchemaSampleFiles.bundled("artifact.MD5SUM.txt");
        Matcher m = Schemas.MD5SUM_LINE.matcher(text);
        assertThat(m.matches()).as("MD5SUM line %s", text).isTrue();
        assertThat(m.group(1)).isEqualTo("d2d16bcafbe8d47c58a1b44b2079ba04");
        assertThat(m.group(2)).isEqualTo("firmware-1.0.0.bin");
    }

    @Test
    void checksumRegexIsStrict() {
        assertThat(Schemas.MD5SUM_LINE.matcher("D2D16BCAFBE8D47C58A1B44B2079BA04  f.bin\r\n").matches()).isTrue();
        assertThat(Schemas.MD5SUM_LINE.matcher("d2d16bcafbe8d47c58a1b44b2079ba04 f.bin").matches()).as("one space").isFalse();
        assertThat(Schemas.MD5SUM_LINE.matcher("d2d16bcafbe8d47c58a1b44b2079ba0  f.bin").matches()).as("31 hex").isFalse();
        assertThat(Schemas.MD5SUM_LINE.matcher("d2d16bcafbe8d47c58a1b44b2079ba04  ").matches()).as("no name").isFalse();
        assertThat(Schemas.MD5SUM_LINE.matcher("d2d16bcafbe8d47c58a1b44b2079ba04  a\nb").matches()).as("two lines").isFalse();
    }

    /** Samples recorded later into the shared folder are checked too (skipped when the folder is absent). */
    @TestFactory
    Stream<DynamicTest> sharedSamplesValidate() {
        Path folder = SchemaSampleFiles.SHARED;
        assumeTrue(Files.isDirectory(folder), "shared sample folder " + folder.toAbsolutePath() + " not present");
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : SchemaSampleFiles.files(folder)) {
            String name = file.getFileName().toString();
            SchemaSampleFiles.documentFor(name).ifPresent(document -> tests.add(DynamicTest.dynamicTest(name, () ->
                    assertThat(SCHEMAS.validate(document, SchemaSampleFiles.read(file)))
                            .as("%s against %s", name, document.fileName())
                            .extracting(SchemaViolation::describe).isEmpty())));
            if (SchemaSampleFiles.isChecksumFile(name)) {
                tests.add(DynamicTest.dynamicTest(name, () ->
                        assertThat(Schemas.MD5SUM_LINE.matcher(SchemaSampleFiles.read(file)).matches())
                                .as("%s matches A.9", name).isTrue()));
            }
        }
        assumeTrue(!tests.isEmpty(), "no DDI samples in " + folder.toAbsolutePath());
        return tests.stream();
    }
}
