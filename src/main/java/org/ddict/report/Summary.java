package org.ddict.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import java.time.LocalDate;
import java.util.Optional;

import org.ddict.catalogue.Divergence;
import org.ddict.catalogue.Level;
import org.ddict.catalogue.Req;
import org.ddict.config.Dialect;
import org.ddict.config.Profile;
import org.ddict.config.Waiver;
import org.ddict.report.RequirementResult.Status;

/**
 * The compliance verdict of a run: one status per catalogue requirement. A requirement FAILs when a check found it
 * broken and it is a MUST; a broken SHOULD or MAY, or a warning, makes it WARN; it PASSes when a check verified it;
 * otherwise it is SKIPped with the reason. Then the {@link Judging}: a requirement outside the claimed profile is SKIP; a
 * broken one with an unexpired waiver is WAIVED, with an expired one it stays broken and names the waiver; a waiver for
 * a requirement that is not broken is stale. Only a FAIL makes the server NON_CONFORMANT.
 */
public record Summary(Verdict verdict, String suiteVersion, Server server, Run run, List<RequirementResult> requirements,
        List<CheckResult> checks, Assessment assessment) {

    public enum Verdict {
        CONFORMANT, NON_CONFORMANT,
        /**
         * No MUST failed, but the run could not check everything — it stopped early (deadline or request budget) or was
         * read-only: no certification either way.
         */
        INCOMPLETE
    }

    /** The server under test. */
    public record Server(String url, String tenant, String mgmtUrl, String operator, boolean embedded,
            java.util.Set<org.ddict.catalogue.Feature> features) {
    }

    /**
     * Facts about the run itself.
     *
     * @param limits  the deadline, budget and rate limit in force ("none")
     * @param stopped why the run stopped early, or {@code null} when every selected check ran
     */
    public record Run(String prefix, String startedAt, long durationMillis, long requests, long serverMillis, long retries,
            String limits, String stopped, boolean readOnly) {

        /** A run without limits that ran to its end. */
        public Run(String prefix, String startedAt, long durationMillis, long requests, long serverMillis, long retries) {
            this(prefix, startedAt, durationMillis, requests, serverMillis, retries, "none", null, false);
        }
    }

    /** How the results are judged: the profile claimed, the dialect, the waivers and the day they are compared with. */
    public record Judging(Profile profile, Dialect dialect, List<Waiver> waivers, LocalDate today) {

        public static Judging defaults() {
            return new Judging(Profile.declared(), Dialect.HAWKBIT, List.of(), LocalDate.now());
        }
    }

    /** What the judging added: the profile, the dialect, the specification ambiguities met and each waiver's fate. */
    public record Assessment(String profile, String profileDescription, Dialect dialect, LocalDate date,
            List<AmbiguityReport> ambiguities, List<WaiverOutcome> waivers) {

        public List<WaiverOutcome> waivers(WaiverOutcome.State state) {
            return waivers.stream().filter(w -> w.state() == state).toList();
        }
    }

    /** One of hawkBit's known divergences as this run met it: both readings and what the server did, per check. */
    public record AmbiguityReport(Divergence divergence, Status status, List<Observation> observations) {

        /** The reading(s) the server followed, e.g. {@code hawkbit}. */
        public String followed() {
            return observations.stream().map(o -> o.followed().name().toLowerCase()).distinct().collect(Collectors.joining(", "));
        }
    }

    public record Observation(String check, Divergence.Reading followed, String observed) {
    }

    /** A waiver and what it did: waived a broken requirement, expired (the failure stands), or stale (nothing to waive). */
    public record WaiverOutcome(Waiver waiver, State state, Status requirementStatus) {

        public enum State {
            APPLIED, EXPIRED, STALE
        }
    }

    public static Summary build(List<CheckResult> checks, Server server, Run run) {
        return build(checks, server, run, Judging.defaults());
    }

    public static Summary build(List<CheckResult> checks, Server server, Run run, Judging judging) {
        List<RequirementResult> reqs = new ArrayList<>();
        List<WaiverOutcome> outcomes = new ArrayList<>();
        for (Req r : Req.values()) {
            RequirementResult result = judge(r, checks);
            if (!judging.profile().claims(r)) {
                result = new RequirementResult(r, Status.SKIP, result.checks(), judging.profile().notClaimed());
            }
            Optional<Waiver> waiver = judging.waivers().stream().filter(w -> w.requirement() == r).findFirst();
            if (waiver.isPresent()) {
                result = waive(result, waiver.get(), judging.today(), outcomes);
            }
            reqs.add(result);
        }
        Verdict verdict = reqs.stream().anyMatch(r -> r.status() == Status.FAIL) ? Verdict.NON_CONFORMANT
                : run.stopped() != null || run.readOnly() ? Verdict.INCOMPLETE : Verdict.CONFORMANT;
        List<AmbiguityReport> ambiguities = new ArrayList<>();
        for (Divergence d : Divergence.values()) {
            List<Observation> seen = checks.stream().flatMap(c -> c.ambiguities().stream().filter(a -> a.divergence() == d)
                    .map(a -> new Observation(c.name(), a.followed(), a.observed()))).toList();
            if (!seen.isEmpty()) {
                Status status = reqs.stream().filter(x -> x.requirement() == d.requirement()).findFirst().orElseThrow().status();
                ambiguities.add(new AmbiguityReport(d, status, seen));
            }
        }
        outcomes.sort(java.util.Comparator.comparing(o -> o.waiver().requirement()));
        Assessment assessment = new Assessment(judging.profile().name(), judging.profile().describe(), judging.dialect(),
                judging.today(), List.copyOf(ambiguities), List.copyOf(outcomes));
        return new Summary(verdict, SuiteVersion.get(), server, run, List.copyOf(reqs), List.copyOf(checks), assessment);
    }

    private static RequirementResult waive(RequirementResult result, Waiver w, LocalDate today, List<WaiverOutcome> outcomes) {
        boolean broken = result.status() == Status.FAIL || result.status() == Status.WARN;
        if (!broken) {
            outcomes.add(new WaiverOutcome(w, WaiverOutcome.State.STALE, result.status()));
            return result;
        }
        if (w.validOn(today)) {
            outcomes.add(new WaiverOutcome(w, WaiverOutcome.State.APPLIED, result.status()));
            return new RequirementResult(result.requirement(), Status.WAIVED, result.checks(),
                    "waived until " + w.expires() + " (" + w.owner() + ": " + w.reason() + "); " + result.status() + ": " + result.reason());
        }
        outcomes.add(new WaiverOutcome(w, WaiverOutcome.State.EXPIRED, result.status()));
        return new RequirementResult(result.requirement(), result.status(), result.checks(),
                "the waiver expired on " + w.expires() + " (" + w.owner() + ": " + w.reason() + "); " + result.reason());
    }

    private static RequirementResult judge(Req r, List<CheckResult> checks) {
        List<CheckResult> naming = checks.stream().filter(c -> c.requirements().contains(r)).toList();
        List<CheckResult> broken = checks.stream().filter(c -> c.charged().contains(r)).toList();
        List<String> warnings = checks.stream().flatMap(c -> c.warnings().stream().filter(w -> w.requirement() == r)
                .map(w -> c.name() + ": " + w.message())).distinct().toList();
        Set<String> names = new LinkedHashSet<>();
        naming.forEach(c -> names.add(c.name()));
        broken.forEach(c -> names.add(c.name()));
        List<String> checkNames = List.copyOf(names);
        if (!broken.isEmpty()) {
            String reason = broken.stream().map(c -> c.name() + ": " + c.reason()).collect(Collectors.joining(" | "));
            return new RequirementResult(r, r.level() == Level.MUST ? Status.FAIL : Status.WARN, checkNames, reason);
        }
        if (!warnings.isEmpty()) {
            return new RequirementResult(r, Status.WARN, checkNames, String.join(" | ", warnings));
        }
        if (naming.stream().anyMatch(c -> c.outcome() == CheckResult.Outcome.PASSED)) {
            return new RequirementResult(r, Status.PASS, checkNames, null);
        }
        if (naming.isEmpty()) {
            return new RequirementResult(r, Status.SKIP, checkNames, "no check in this release (" + r.priority() + ")");
        }
        String reason = naming.stream().map(c -> c.outcome() == CheckResult.Outcome.SKIPPED
                ? c.name() + ": " + c.reason()
                : c.name() + ": not verified, the check stopped at " + c.charged().stream().map(Req::id).collect(Collectors.joining(", ")))
                .distinct().collect(Collectors.joining(" | "));
        return new RequirementResult(r, Status.SKIP, checkNames, reason);
    }

    public Map<Status, Long> counts() {
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, requirements.stream().filter(r -> r.status() == s).count());
        }
        return counts;
    }

    public Map<CheckResult.Outcome, Long> checkCounts() {
        Map<CheckResult.Outcome, Long> counts = new EnumMap<>(CheckResult.Outcome.class);
        for (CheckResult.Outcome o : CheckResult.Outcome.values()) {
            counts.put(o, checks.stream().filter(c -> c.outcome() == o).count());
        }
        return counts;
    }

    public RequirementResult result(Req req) {
        return requirements.stream().filter(r -> r.requirement() == req).findFirst().orElseThrow();
    }

    public Set<Req> with(Status status) {
        return requirements.stream().filter(r -> r.status() == status).map(RequirementResult::requirement)
                .collect(Collectors.toCollection(() -> java.util.EnumSet.noneOf(Req.class)));
    }

}
