package org.ddict.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.ddict.catalogue.Level;
import org.ddict.catalogue.Priority;
import org.ddict.catalogue.Req;
import org.ddict.conformance.DdiConformanceSuite;
import org.ddict.conformance.support.Requirement;
import org.ddict.reference.Defect;
import org.junit.jupiter.api.Test;

/** The catalogue in code, the checks that name it and the defects that prove the checks can fail, side by side. */
class CatalogueCoverageTest {

    @Test
    void catalogueHas162RequirementsAnd71AtP0() {
        assertThat(Arrays.stream(Req.values()).filter(Req::catalogue)).hasSize(162);
        assertThat(Arrays.stream(Req.values()).filter(r -> r.catalogue() && r.priority() == Priority.P0)).hasSize(71);
    }

    @Test
    void everyP0RequirementIsNamedByACheck() throws Exception {
        Set<Req> named = checks().stream().flatMap(m -> Arrays.stream(m.getAnnotation(Requirement.class).value()))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Req.class)));
        Set<Req> p0 = Arrays.stream(Req.values()).filter(r -> r.priority() == Priority.P0)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Req.class)));
        assertThat(named).as("requirements named by checks").containsAll(p0);
    }

    @Test
    void everyMustRequirementIsNamedByACheck() throws Exception {
        Set<Req> named = checks().stream().flatMap(m -> Arrays.stream(m.getAnnotation(Requirement.class).value()))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Req.class)));
        Set<Req> must = Arrays.stream(Req.values()).filter(r -> r.level() == Level.MUST)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Req.class)));
        assertThat(named).as("MUST requirements named by checks").containsAll(must);
        assertThat(named).as("every requirement of the catalogue is named by a check").containsExactlyInAnyOrder(Req.values());
    }

    @Test
    void everyMustRequirementHasADefectThatFailsIt() {
        Set<Req> targeted = Arrays.stream(Defect.values()).flatMap(d -> d.expectedFailures().stream())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Req.class)));
        Set<Req> must = Arrays.stream(Req.values()).filter(r -> r.level() == Level.MUST)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Req.class)));
        assertThat(targeted).containsAll(must);
        Set<Req> anyTarget = Arrays.stream(Defect.values()).flatMap(d -> d.targets().stream())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Req.class)));
        Set<Req> verifiable = EnumSet.allOf(Req.class);
        // informational or skipped-for-hawkBit requirements whose checks cannot be made to warn by a server defect
        verifiable.removeAll(EnumSet.of(Req.DDI_AUTH_08, Req.DDI_CANCEL_17));
        assertThat(anyTarget).as("every requirement a defect can show (FAIL or WARN)").containsAll(verifiable);
    }

    @Test
    void everyP0MustRequirementHasADefectThatFailsIt() {
        Set<Req> targeted = Arrays.stream(Defect.values()).flatMap(d -> d.expectedFailures().stream())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Req.class)));
        Set<Req> p0Must = Arrays.stream(Req.values()).filter(r -> r.priority() == Priority.P0 && r.level() == Level.MUST)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Req.class)));
        assertThat(targeted).containsAll(p0Must);
    }

    @Test
    void defectKeysAreUniqueKebabCase() {
        Set<String> keys = new HashSet<>();
        for (Defect d : Defect.values()) {
            assertThat(d.key()).matches("[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(keys.add(d.key())).as("unique %s", d.key()).isTrue();
        }
    }

    @Test
    void everyCheckNamesItsRequirementsAndNoCheckNameRepeats() throws Exception {
        List<Method> checks = checks();
        assertThat(checks).hasSizeGreaterThan(150);
        Set<String> names = new HashSet<>();
        for (Method m : checks) {
            assertThat(m.getAnnotation(Requirement.class).value()).as(m.toString()).isNotEmpty();
            assertThat(names.add(m.getName())).as("check names are unique: %s", m.getName()).isTrue();
        }
    }

    /** Every test method of the suite's check classes. */
    static List<Method> checks() throws IOException, URISyntaxException, ClassNotFoundException {
        Path dir = Path.of(DdiConformanceSuite.class.getResource("DdiConformanceSuite.class").toURI()).getParent();
        List<Method> methods = new java.util.ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches(".*Checks\\.class")).toList()) {
                String name = f.getFileName().toString().replace(".class", "");
                Class<?> type = Class.forName(DdiConformanceSuite.class.getPackageName() + "." + name);
                for (Method m : type.getDeclaredMethods()) {
                    boolean isTest = Arrays.stream(m.getAnnotations()).anyMatch(a -> a.annotationType().getSimpleName().endsWith("Test"));
                    if (isTest) {
                        assertThat(m.getAnnotation(Requirement.class)).as("%s names its requirement", m).isNotNull();
                        methods.add(m);
                    }
                }
            }
        }
        return methods;
    }
}
