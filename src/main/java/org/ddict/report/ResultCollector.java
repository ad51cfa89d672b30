package org.ddict.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.ddict.catalogue.Area;
import org.ddict.catalogue.Req;
import org.ddict.conformance.support.Ambiguity;
import org.ddict.conformance.support.ConformanceFailure;
import org.ddict.conformance.support.Requirement;
import org.ddict.conformance.support.Warning;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Listens to the launcher and turns each executed check into a {@link CheckResult}; prints one progress line per
 * area as soon as the last check of that area has finished.
 */
public final class ResultCollector implements TestExecutionListener {

    private final PrintWriter progress;
    private final List<CheckResult> results = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, List<Warning>> warnings = new ConcurrentHashMap<>();
    private final Map<String, List<Ambiguity>> ambiguities = new ConcurrentHashMap<>();
    private final Map<String, Long> started = new ConcurrentHashMap<>();
    private final Map<Area, AtomicInteger> remaining = new EnumMap<>(Area.class);
    private final Map<Area, int[]> tally = new EnumMap<>(Area.class);

    public ResultCollector(PrintWriter progress) {
        this.progress = progress;
    }

    public List<CheckResult> results() {
        return List.copyOf(results);
    }

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        plan.getRoots().forEach(root -> plan.getDescendants(root).stream().filter(TestIdentifier::isTest)
                .forEach(t -> requirements(t).ifPresent(reqs -> {
                    Area area = reqs.get(0).area();
                    remaining.computeIfAbsent(area, a -> new AtomicInteger()).incrementAndGet();
                    tally.computeIfAbsent(area, a -> new int[3]);
                })));
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        started.put(id.getUniqueId(), System.nanoTime());
    }

    @Override
    public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        entry.getKeyValuePairs().forEach((key, value) -> {
            if (key.startsWith(Warning.ENTRY_PREFIX)) {
                Req.byId(key.substring(Warning.ENTRY_PREFIX.length())).ifPresent(r -> warnings
                        .computeIfAbsent(id.getUniqueId(), k -> Collections.synchronizedList(new ArrayList<>()))
                        .add(new Warning(r, value)));
            }
            Ambiguity.fromEntry(key, value).ifPresent(a -> ambiguities
                    .computeIfAbsent(id.getUniqueId(), k -> Collections.synchronizedList(new ArrayList<>())).add(a));
        });
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (id.isTest()) {
            requirements(id).ifPresent(reqs -> record(id, reqs, CheckResult.Outcome.SKIPPED, EnumSet.noneOf(Req.class), reason));
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (!id.isTest()) {
            return;
        }
        Optional<List<Req>> named = requirements(id);
        if (named.isEmpty()) {
            return;
        }
        List<Req> reqs = named.get();
        switch (result.getStatus()) {
            case SUCCESSFUL -> record(id, reqs, CheckResult.Outcome.PASSED, EnumSet.noneOf(Req.class), null);
            case ABORTED -> record(id, reqs, CheckResult.Outcome.SKIPPED, EnumSet.noneOf(Req.class),
                    result.getThrowable().map(Throwable::getMessage).orElse("skipped"));
            case FAILED -> {
                Throwable t = result.getThrowable().orElse(null);
                if (t instanceof ConformanceFailure f) {
                    record(id, reqs, CheckResult.Outcome.FAILED, EnumSet.copyOf(f.requirements()), f.reason());
                } else {
                    String why = t == null ? "failed" : "the check broke: " + t.getClass().getSimpleName() + ": " + firstLine(t.getMessage());
                    record(id, reqs, CheckResult.Outcome.FAILED, EnumSet.of(reqs.get(0)), why);
                }
            }
        }
    }

    private void record(TestIdentifier id, List<Req> reqs, CheckResult.Outcome outcome, EnumSet<Req> charged, String reason) {
        Long start = started.get(id.getUniqueId());
        long millis = start == null ? 0 : (System.nanoTime() - start) / 1_000_000;
        String name = id.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(m -> m.getClassName().substring(m.getClassName().lastIndexOf('.') + 1) + "." + m.getMethodName()
                        + displaySuffix(id))
                .orElse(id.getDisplayName());
        Area area = reqs.get(0).area();
        results.add(new CheckResult(name, id.getDisplayName(), area, reqs, outcome, charged, reason,
                List.copyOf(warnings.getOrDefault(id.getUniqueId(), List.of())), millis,
                List.copyOf(ambiguities.getOrDefault(id.getUniqueId(), List.of()))));
        AtomicInteger left = remaining.get(area);
        int[] t = tally.get(area);
        if (left != null && t != null) {
            synchronized (t) {
                t[outcome.ordinal()]++;
                if (left.decrementAndGet() == 0 && progress != null) {
                    progress.printf("  %-9s %3d checks: %3d passed, %3d failed, %3d skipped%n", area, t[0] + t[1] + t[2], t[0], t[1], t[2]);
                }
            }
        }
    }

    /** Parameterized invocations keep their argument in the name: {@code …[PROCEEDING]}. */
    private static String displaySuffix(TestIdentifier id) {
        String uid = id.getUniqueId();
        return uid.contains("test-template-invocation") ? "[" + id.getDisplayName() + "]" : "";
    }

    static Optional<List<Req>> requirements(TestIdentifier id) {
        return id.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast).flatMap(m -> {
            try {
                Class<?> type = Class.forName(m.getClassName(), false, Thread.currentThread().getContextClassLoader());
                return Arrays.stream(type.getDeclaredMethods()).filter(x -> x.getName().equals(m.getMethodName()))
                        .map(x -> x.getAnnotation(Requirement.class)).filter(r -> r != null).findFirst()
                        .map(r -> List.of(r.value()));
            } catch (ClassNotFoundException e) {
                return Optional.empty();
            }
        });
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

}
