package org.ddict.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.ddict.catalogue.Divergence;
import org.ddict.catalogue.Priority;
import org.ddict.catalogue.Req;
import org.ddict.cli.SelfValidation;
import org.ddict.config.Dialect;
import org.ddict.reference.Defect;
import org.ddict.report.RequirementResult.Status;
import org.ddict.report.Summary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The kill matrix: the suite passes every P0 requirement on the faithful reference server, and a run against each
 * deliberate defect fails exactly the MUST requirement(s) the defect targets (and warns on the SHOULD ones) — no
 * false FAIL on a faithful server, no false PASS on a broken one.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DefectMatrixTest {

    /** hawkBit's known divergences from the published mapping table (catalogue §5.1): the requirements they touch. */
    static final Set<Req> KNOWN_HAWKBIT_DEVIATIONS = Arrays.stream(Divergence.values()).map(Divergence::requirement)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(Req.class)));

    private static final int PARALLEL = 4;
    /** Runs against different reference servers at once: each run waits on timers part of the time (2 cores). */
    private static final int CONCURRENT_RUNS = 3;
    private static final Map<String, String> MATRIX = new java.util.concurrent.ConcurrentSkipListMap<>();
    private static final Map<Defect, java.util.concurrent.Future<Summary>> RUNS = new java.util.EnumMap<>(Defect.class);
    /** The CANCEL checks (the only ones that meet a divergence) per reference reading and dialect. */
    private static final Map<String, java.util.concurrent.Future<Summary>> DIALECT_RUNS = new java.util.concurrent.ConcurrentHashMap<>();
    private static java.util.concurrent.ExecutorService pool;

    @org.junit.jupiter.api.BeforeAll
    static void startAllDefectRuns() {
        pool = java.util.concurrent.Executors.newFixedThreadPool(CONCURRENT_RUNS);
        for (boolean publishedTable : new boolean[] {false, true}) {
            for (Dialect dialect : Dialect.values()) {
                if (publishedTable || dialect == Dialect.PUBLISHED) {
                    DIALECT_RUNS.put(key(publishedTable, dialect), pool.submit(() -> SelfValidation.run(List.of(), PARALLEL,
                            publishedTable, "CANCEL", null, dialect, null)));
                }
            }
        }
        for (Defect d : Defect.values()) {
            if (selected(d)) {
                RUNS.put(d, pool.submit(() -> SelfValidation.run(List.of(d), PARALLEL)));
            }
        }
    }

    /**
     * {@code -Dmatrix.defects=key1,key2} runs only those defects (while developing one); a full build runs them all.
     */
    static boolean selected(Defect d) {
        String only = System.getProperty("matrix.defects", "").trim();
        return only.isEmpty() || java.util.Arrays.stream(only.split(",")).map(String::trim).anyMatch(d.key()::equals);
    }

    @Test
    @Order(1)
    void faithfulReferenceServerPassesEveryP0Requirement() {
        Summary summary = SelfValidation.run(List.of(), PARALLEL);
        assertThat(summary.with(Status.FAIL)).as("failed requirements on the faithful server").isEmpty();
        assertThat(summary.verdict()).isEqualTo(Summary.Verdict.CONFORMANT);
        Set<Req> p0 = EnumSet.noneOf(Req.class);
        for (Req r : Req.values()) {
            if (r.priority() == Priority.P0) {
                p0.add(r);
            }
        }
        Set<Req> verified = summary.requirements().stream()
                .filter(r -> r.status() == Status.PASS || r.status() == Status.WARN).map(r -> r.requirement())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Req.class)));
        assertThat(verified).as("P0 requirements verified (PASS or WARN)").containsAll(p0);
        assertThat(summary.with(Status.WARN)).as("warnings on the faithful server (dialect hawkbit: hawkBit's divergences pass)")
                .isEmpty();
        assertThat(summary.assessment().ambiguities()).as("hawkBit's divergences reported as specification ambiguities")
                .extracting(a -> a.divergence()).containsExactly(Divergence.values());
        assertThat(summary.assessment().ambiguities()).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(Status.PASS);
            assertThat(a.observations()).extracting(o -> o.followed()).containsOnly(Divergence.Reading.HAWKBIT);
        });
        MATRIX.put("(faithful)", "fails nothing; warns " + ids(summary.with(Status.WARN)) + "; ambiguities "
                + summary.assessment().ambiguities().stream().map(a -> a.divergence().id()).collect(Collectors.joining(", ")));
    }

    @Test
    @Order(1)
    void underThePublishedDialectTheFaithfulServerFailsExactlyHawkbitsDivergences() throws Exception {
        Summary summary = DIALECT_RUNS.get(key(false, Dialect.PUBLISHED)).get(10, java.util.concurrent.TimeUnit.MINUTES);
        assertThat(summary.with(Status.FAIL)).as("failed under --dialect published (CANCEL checks)").isEqualTo(KNOWN_HAWKBIT_DEVIATIONS);
        assertThat(summary.with(Status.WARN)).isEmpty();
        assertThat(summary.assessment().ambiguities()).allSatisfy(a -> assertThat(a.status()).isEqualTo(Status.FAIL));
        KNOWN_HAWKBIT_DEVIATIONS.forEach(r -> assertThat(summary.result(r).reason()).contains("--dialect published"));
    }

    @ParameterizedTest(name = "dialect {0}")
    @EnumSource(Dialect.class)
    @Order(1)
    void aServerFollowingThePublishedTablePassesUnderEitherDialect(Dialect dialect) throws Exception {
        Summary summary = DIALECT_RUNS.get(key(true, dialect)).get(10, java.util.concurrent.TimeUnit.MINUTES);
        assertThat(summary.with(Status.FAIL)).as("failed (CANCEL checks); reasons: %s", summary.requirements().stream()
                .filter(r -> r.status() == Status.FAIL).map(r -> r.requirement().id() + ": " + r.reason())
                .collect(Collectors.joining("\n"))).isEmpty();
        assertThat(summary.with(Status.WARN)).isEmpty();
        assertThat(summary.with(Status.PASS)).containsAll(KNOWN_HAWKBIT_DEVIATIONS);
        assertThat(summary.assessment().ambiguities()).extracting(a -> a.divergence()).containsExactly(Divergence.values());
        assertThat(summary.assessment().ambiguities()).allSatisfy(a -> assertThat(a.observations())
                .extracting(o -> o.followed()).containsOnly(Divergence.Reading.PUBLISHED));
    }

    private static String key(boolean publishedTable, Dialect dialect) {
        return (publishedTable ? "published-table" : "hawkbit-table") + "/" + dialect.key();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Defect.class)
    @Order(2)
    void eachDefectFailsExactlyItsTargets(Defect defect) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(selected(defect), "not selected by -Dmatrix.defects");
        Summary summary = RUNS.get(defect).get(10, java.util.concurrent.TimeUnit.MINUTES);
        Set<Req> mustTargets = defect.expectedFailures();
        Set<Req> otherTargets = defect.expectedWarnings();
        Set<Req> failed = summary.with(Status.FAIL);
        MATRIX.put(defect.key(), ids(failed) + (otherTargets.isEmpty() ? "" : " warns " + ids(summary.with(Status.WARN))));
        assertThat(failed).as("requirements failed with defect %s; reasons: %s", defect.key(),
                summary.requirements().stream().filter(r -> r.status() == Status.FAIL)
                        .map(r -> r.requirement().id() + ": " + r.reason()).collect(Collectors.joining("\n")))
                .isEqualTo(mustTargets);
        assertThat(summary.with(Status.WARN)).as("warnings with defect %s", defect.key()).containsAll(otherTargets);
    }

    @AfterAll
    static void printMatrix() {
        pool.shutdownNow();
        StringBuilder sb = new StringBuilder("\nDefect matrix (defect → requirements the suite failed):\n");
        MATRIX.forEach((k, v) -> sb.append(String.format("  %-40s %s%n", k, v)));
        System.out.println(sb);
    }

    private static String ids(Set<Req> reqs) {
        return reqs.isEmpty() ? "—" : reqs.stream().map(Req::id).collect(Collectors.joining(", "));
    }
}
