package org.ddict.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ddict.catalogue.Req.*;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.ddict.catalogue.Area;
import org.ddict.catalogue.Req;
import org.ddict.conformance.support.Warning;
import org.ddict.report.CheckResult.Outcome;
import org.ddict.report.RequirementResult.Status;
import org.junit.jupiter.api.Test;

/** The verdict rules: MUST broken → FAIL, SHOULD broken or warned → WARN, verified → PASS, else SKIP with a reason. */
class SummaryTest {

    private static CheckResult check(String name, List<Req> reqs, Outcome outcome, Set<Req> charged, String reason, List<Warning> warnings) {
        return new CheckResult(name, name, reqs.get(0).area(), reqs, outcome, charged, reason, warnings, 1);
    }

    private static Summary summary(CheckResult... checks) {
        return Summary.build(List.of(checks), new Summary.Server("http://h", "DEFAULT", "http://h", "hawkbit", false, Set.of()),
                new Summary.Run("p", "now", 1, 1, 1, 0, false));
    }

    @Test
    void aBrokenMustFailsTheRequirementAndTheVerdict() {
        Summary s = summary(check("A.x", List.of(DDI_STATE_10), Outcome.FAILED, EnumSet.of(DDI_STATE_10), "expected warning", List.of()));
        assertThat(s.result(DDI_STATE_10).status()).isEqualTo(Status.FAIL);
        assertThat(s.result(DDI_STATE_10).reason()).contains("expected warning");
        assertThat(s.verdict()).isEqualTo(Summary.Verdict.NON_CONFORMANT);
    }

    @Test
    void aBrokenShouldOnlyWarns() {
        Summary s = summary(check("A.x", List.of(DDI_CTRLID_01), Outcome.FAILED, EnumSet.of(DDI_CTRLID_01), "not registered", List.of()));
        assertThat(s.result(DDI_CTRLID_01).status()).isEqualTo(Status.WARN);
        assertThat(s.verdict()).isEqualTo(Summary.Verdict.CONFORMANT);
    }

    @Test
    void aWarningOfAPassingCheckMakesItsRequirementWarn() {
        Summary s = summary(check("A.x", List.of(DDI_CANCEL_07), Outcome.PASSED, EnumSet.noneOf(Req.class), null,
                List.of(new Warning(DDI_CANCEL_07, "recorded as warning — HB-DEV-01"))));
        assertThat(s.result(DDI_CANCEL_07).status()).isEqualTo(Status.WARN);
        assertThat(s.result(DDI_CANCEL_07).reason()).contains("HB-DEV-01");
    }

    @Test
    void aFailureIsChargedToTheBrokenRequirementNotToEveryRequirementOfTheCheck() {
        Summary s = summary(check("A.x", List.of(DDI_STATE_08, DDI_STATE_01), Outcome.FAILED, EnumSet.of(DDI_STATE_01), "still open", List.of()));
        assertThat(s.result(DDI_STATE_01).status()).isEqualTo(Status.FAIL);
        assertThat(s.result(DDI_STATE_08).status()).isEqualTo(Status.SKIP);
        assertThat(s.result(DDI_STATE_08).reason()).contains("stopped at DDI-STATE-01");
    }

    @Test
    void aChargedRequirementNotNamedByTheCheckStillFailsAndListsTheCheck() {
        Summary s = summary(check("State.x", List.of(DDI_STATE_04), Outcome.FAILED, EnumSet.of(DDI_SCHEMA_01), "sleep missing", List.of()));
        assertThat(s.result(DDI_SCHEMA_01).status()).isEqualTo(Status.FAIL);
        assertThat(s.result(DDI_SCHEMA_01).checks()).containsExactly("State.x");
    }

    @Test
    void skippedAndUncoveredRequirementsSaySo() {
        Summary s = summary(check("A.x", List.of(DDI_STATE_09), Outcome.SKIPPED, EnumSet.noneOf(Req.class), "feature Opt:DLONLY …", List.of()));
        assertThat(s.result(DDI_STATE_09).status()).isEqualTo(Status.SKIP);
        assertThat(s.result(DDI_STATE_09).reason()).contains("Opt:DLONLY");
        assertThat(s.result(DDI_ERROR_11).reason()).contains("no check");
        assertThat(s.requirements()).hasSize(Req.values().length);
        assertThat(s.requirements().stream().filter(r -> r.requirement().area() == Area.BASE)).isNotEmpty();
    }

    @Test
    void summaryJsonCarriesTheGateFields() {
        String json = SummaryWriter.json(summary(check("A.x", List.of(DDI_BASE_01), Outcome.PASSED, EnumSet.noneOf(Req.class), null, List.of())));
        assertThat(json).contains("\"verdict\" : \"CONFORMANT\"").contains("\"url\" : \"http://h\"").contains("\"version\"")
                .contains("\"counts\"").contains("\"id\" : \"DDI-BASE-01\"").contains("\"status\" : \"PASS\"");
    }
}
