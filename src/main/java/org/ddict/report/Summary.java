package org.ddict.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.ddict.catalogue.Level;
import org.ddict.catalogue.Req;
import org.ddict.report.RequirementResult.Status;

/**
 * The compliance verdict of a run: one status per catalogue requirement. A requirement FAILs when a check found it
 * broken and it is a MUST; a broken SHOULD or MAY, or a warning, makes it WARN; it PASSes when a check verified it;
 * otherwise it is SKIPped with the reason. Only a FAIL makes the server NON_CONFORMANT.
 */
public record Summary(Verdict verdict, String suiteVersion, Server server, Run run, List<RequirementResult> requirements,
        List<CheckResult> checks) {

    public enum Verdict {
        CONFORMANT, NON_CONFORMANT,
        /** No MUST failed, but the run stopped early (deadline or request budget): no certification either way. */
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

    public static Summary build(List<CheckResult> checks, Server server, Run run) {
        List<RequirementResult> reqs = new ArrayList<>();
        for (Req r : Req.values()) {
            reqs.add(judge(r, checks));
        }
        Verdict verdict = reqs.stream().anyMatch(r -> r.status() == Status.FAIL) ? Verdict.NON_CONFORMANT
                : run.stopped() != null ? Verdict.INCOMPLETE : Verdict.CONFORMANT;
        return new Summary(verdict, SuiteVersion.get(), server, run, List.copyOf(reqs), List.copyOf(checks));
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
