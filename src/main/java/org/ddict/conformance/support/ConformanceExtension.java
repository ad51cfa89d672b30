package org.ddict.conformance.support;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.ddict.catalogue.Feature;
import org.ddict.catalogue.Level;
import org.ddict.catalogue.Req;
import org.ddict.ddi.TransportException;
import org.ddict.operator.OperatorException;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

import io.qameta.allure.Allure;
import io.qameta.allure.model.Label;

/**
 * Runs every check: selects it ({@code ddi.only}), labels it for Allure with its requirements, skips it when the
 * server lacks a feature it needs, hands it a fresh registered {@link Device} and its {@link CheckContext}, and turns
 * "could not arrange" into a skip and "no complete HTTP answer" (timeout, broken connection, body beyond the limit)
 * into a failure of the check's first requirement, with the request as evidence.
 */
public final class ConformanceExtension implements ExecutionCondition, BeforeEachCallback, ParameterResolver,
        TestExecutionExceptionHandler {

    /** Comma-separated requirement IDs and/or area names; only checks naming one of them run. */
    public static final String ONLY = "ddi.only";

    /**
     * {@code true} (the default, for a run inside another build): every warning is also printed on standard output,
     * so that it shows in the build's log and test report; the command line, which reports warnings itself, sets it false.
     */
    public static final String WARNINGS_TO_STDOUT = "ddi.warnings.stdout";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ConformanceExtension.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<Method> method = context.getTestMethod();
        Optional<String> stopped = method.flatMap(m -> RunContext.existing(context)).map(r -> r.traffic().stopReason());
        if (stopped.isPresent()) {
            return ConditionEvaluationResult.disabled("not run: " + stopped.get());
        }
        Optional<String> only = context.getConfigurationParameter(ONLY).filter(s -> !s.isBlank());
        if (method.isEmpty() || only.isEmpty()) {
            return ConditionEvaluationResult.enabled("no --only selection");
        }
        Set<String> wanted = Arrays.stream(only.get().split(",")).map(String::trim).map(String::toUpperCase)
                .collect(Collectors.toSet());
        boolean selected = requirements(method.get()).stream()
                .anyMatch(r -> wanted.contains(r.id()) || wanted.contains(r.area().name()));
        return selected ? ConditionEvaluationResult.enabled("selected by --only")
                : ConditionEvaluationResult.disabled("not selected by --only " + only.get());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        List<Req> reqs = requirements(method);
        label(method, reqs);
        RunContext run = translate(reqs.get(0), () -> RunContext.of(context));
        if (reqs.stream().noneMatch(run.profile()::claims)) {
            throw new TestAbortedException(run.profile().notClaimed() + " (--profile)");
        }
        RequiresFeature needs = method.getAnnotation(RequiresFeature.class);
        if (needs != null) {
            for (Feature f : needs.value()) {
                if (!run.offers(f)) {
                    throw new TestAbortedException("feature Opt:" + f + " is not declared for this server (operator '"
                            + run.operator().name() + "'): an optional feature may be absent; declare it with --capabilities +" + f);
                }
            }
        }
        RequiresCapability steps = method.getAnnotation(RequiresCapability.class);
        if (steps != null) {
            for (org.ddict.operator.Capability c : steps.value()) {
                if (!run.can(c)) {
                    throw new TestAbortedException("not arrangeable: the operator '" + run.operator().name() + "' cannot "
                            + c.name().toLowerCase().replace('_', ' ') + " (" + c + "), which this check needs");
                }
            }
        }
        CheckContext check = new CheckContext(context, run, reqs);
        context.getStore(NAMESPACE).put(CheckContext.class, check);
        if (Arrays.stream(method.getParameterTypes()).anyMatch(Device.class::equals)) {
            context.getStore(NAMESPACE).put(Device.class, translate(reqs.get(0), check::newDevice));
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Device.class || type == CheckContext.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).get(parameter.getParameter().getType());
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        Throwable t = translated(requirements(context.getRequiredTestMethod()).get(0), throwable);
        CheckContext check = context.getStore(NAMESPACE).get(CheckContext.class, CheckContext.class);
        if (t instanceof ConformanceFailure f && check != null
                && f.requirements().stream().noneMatch(r -> r.level() == Level.MUST)) {
            // a SHOULD or MAY requirement is not met: a warning, not a failure of the check
            f.requirements().forEach(r -> check.warn(r, f.reason()));
            return;
        }
        throw t;
    }

    private static <T> T translate(Req primary, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (RuntimeException e) {
            throw sneaky(translated(primary, e));
        }
    }

    private static Throwable translated(Req primary, Throwable t) {
        if (t instanceof org.ddict.operator.ReadOnlyException) {
            return new TestAbortedException(t.getMessage(), t);
        }
        if (t instanceof OperatorException) {
            return new TestAbortedException("not arrangeable: " + t.getMessage(), t);
        }
        if (t instanceof org.ddict.ddi.ThrottledException) {
            return new TestAbortedException("inconclusive: " + t.getMessage() + " (DDI-ERROR-11: rate limiting; retried with back-off)", t);
        }
        if (t instanceof org.ddict.ddi.RunLimitException) {
            return new TestAbortedException("not run: " + t.getMessage(), t);
        }
        if (t instanceof TransportException te) {
            String expected = switch (te.kind()) {
                case TIMEOUT -> "a complete HTTP answer within the per-request timeout";
                case TOO_LARGE -> "a body the suite can read (at most " + org.ddict.ddi.Http.BODY_LIMIT + " bytes)";
                case CONNECT -> "a connection to the server";
                default -> "a complete HTTP answer";
            };
            return ConformanceFailure.noAnswer(primary, expected, te.reason(), te.call());
        }
        return t;
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
        throw (E) t;
    }

    static List<Req> requirements(Method method) {
        Requirement r = method.getAnnotation(Requirement.class);
        if (r == null || r.value().length == 0) {
            throw new IllegalStateException(method + " names no requirement (@Requirement)");
        }
        return List.of(r.value());
    }

    private static final java.util.Set<String> ACRONYMS = java.util.Set.of("ddi", "http", "json", "cbor", "etag", "md5", "sha1",
            "url", "urls", "id", "ids", "sdk");

    /** {@code pollingDoesNotChangeTheAction} → {@code polling does not change the action}. */
    static String sentence(String camelCase) {
        return Arrays.stream(camelCase.split("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])"))
                .map(w -> ACRONYMS.contains(w.toLowerCase(java.util.Locale.ROOT)) ? w.toUpperCase(java.util.Locale.ROOT)
                        : w.toLowerCase(java.util.Locale.ROOT))
                .map(w -> w.equals("ETAG") ? "ETag" : w).collect(Collectors.joining(" "));
    }

    private static void label(Method method, List<Req> reqs) {
        if (Allure.getLifecycle().getCurrentTestCase().isEmpty()) {
            return;
        }
        Req main = reqs.get(0);
        Allure.getLifecycle().updateTestCase(result -> {
            // a title a reader can scan: "DDI-BASE-13 · polling does not change the action"
            result.setName(reqs.stream().map(Req::id).collect(Collectors.joining(", ")) + " · " + sentence(method.getName()));
            List<Label> labels = result.getLabels();
            labels.add(new Label().setName("epic").setValue("DDI"));
            labels.add(new Label().setName("feature").setValue(main.area().name()));
            labels.add(new Label().setName("severity").setValue(main.level() == Level.MUST ? "critical"
                    : main.level() == Level.SHOULD ? "normal" : "minor"));
            for (Req r : reqs) {
                labels.add(new Label().setName("story").setValue(r.id() + " " + r.title()));
                labels.add(new Label().setName("requirement").setValue(r.id()));
                labels.add(new Label().setName("tag").setValue(r.id()));
            }
            result.setDescription(reqs.stream().map(r -> "**" + r.id() + "** (" + r.levelText() + ", " + r.scope() + ") "
                    + r.title() + "\n\n" + r.statement()).collect(Collectors.joining("\n\n")));
        });
    }
}
