package org.ddict.report;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ddict.catalogue.Req;
import org.ddict.conformance.DdiConformanceSuite;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Which checks name which requirement: discovered from the suite itself, so the index cannot drift from the code. */
public final class CheckIndex {

    private CheckIndex() {
    }

    public static Map<Req, List<String>> discover() {
        TestPlan plan = LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build())
                .discover(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(DdiConformanceSuite.class))
                        .filters(EngineFilter.includeEngines("junit-platform-suite")).build());
        Map<Req, List<String>> index = new EnumMap<>(Req.class);
        plan.getRoots().forEach(root -> plan.getDescendants(root).stream()
                .filter(t -> t.getSource().filter(MethodSource.class::isInstance).isPresent())
                .filter(t -> t.isTest() || t.isContainer() && t.getUniqueId().contains("test-template"))
                .forEach(t -> name(t).ifPresent(name -> ResultCollector.requirements(t).ifPresent(reqs -> reqs.forEach(r -> {
                    List<String> checks = index.computeIfAbsent(r, k -> new ArrayList<>());
                    if (!checks.contains(name)) {
                        checks.add(name);
                    }
                })))));
        return index;
    }

    private static Optional<String> name(TestIdentifier t) {
        return t.getSource().map(MethodSource.class::cast)
                .map(m -> m.getClassName().substring(m.getClassName().lastIndexOf('.') + 1) + "." + m.getMethodName());
    }
}
