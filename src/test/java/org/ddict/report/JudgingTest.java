package org.ddict.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ddict.catalogue.Req.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.ddict.catalogue.Divergence;
import org.ddict.catalogue.Req;
import org.ddict.config.Dialect;
import org.ddict.config.Profile;
import org.ddict.config.Waiver;
import org.ddict.conformance.support.Ambiguity;
import org.ddict.report.CheckResult.Outcome;
import org.ddict.report.RequirementResult.Status;
import org.junit.jupiter.api.Test;

/** The judging after the checks: profile claims, waivers (applied, expired, stale) and specification ambiguities. */
class JudgingTest {

    /** The run date of these tests: 2027-03-31 in UTC. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-03-31T10:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.now(CLOCK);

    private static final CheckResult SLEEP_BROKEN = new CheckResult("BaseChecks.sleep", "sleep", DDI_BASE_09.area(),
            List.of(DDI_BASE_09), Outcome.FAILED, EnumSet.of(DDI_BASE_09), "expected HH:MM:SS; received 30", List.of(), 1);
    private static final CheckResult POLL_OK = new CheckResult("BaseChecks.poll", "poll", DDI_BASE_01.area(),
            List.of(DDI_BASE_01), Outcome.PASSED, EnumSet.noneOf(Req.class), null, List.of(), 1);

    private static Summary judged(Profile profile, List<Waiver> waivers, CheckResult... checks) {
        return Summary.build(List.of(checks), new Summary.Server("http://h", "DEFAULT", "http://h", "hawkbit", false, Set.of()),
                new Summary.Run("p", "now", 1, 1, 1, 0), new Summary.Judging(profile, Dialect.HAWKBIT, waivers, TODAY));
    }

    private static Waiver waiver(Req r, LocalDate expires) {
        return new Waiver(r, "firmware 2.x parses seconds", "platform team", expires);
    }

    @Test
    void aWaivedFailureIsWaivedAndTheServerConformant() {
        Summary s = judged(Profile.declared(), List.of(waiver(DDI_BASE_09, TODAY)), SLEEP_BROKEN, POLL_OK);
        assertThat(s.result(DDI_BASE_09).status()).isEqualTo(Status.WAIVED);
        assertThat(s.result(DDI_BASE_09).reason()).contains("waived until 2027-03-31 (platform team: firmware 2.x parses seconds)")
                .contains("received 30");
        assertThat(s.verdict()).isEqualTo(Summary.Verdict.CONFORMANT);
        assertThat(s.counts().get(Status.WAIVED)).isEqualTo(1);
        assertThat(s.assessment().waivers()).extracting(w -> w.state()).containsExactly(Summary.WaiverOutcome.State.APPLIED);
    }

    @Test
    void anExpiredWaiverLeavesTheFailureAndNamesTheWaiver() {
        Summary s = judged(Profile.declared(), List.of(waiver(DDI_BASE_09, TODAY.minusDays(1))), SLEEP_BROKEN);
        assertThat(s.result(DDI_BASE_09).status()).isEqualTo(Status.FAIL);
        assertThat(s.result(DDI_BASE_09).reason()).startsWith("the waiver expired on 2027-03-30 (platform team");
        assertThat(s.verdict()).isEqualTo(Summary.Verdict.NON_CONFORMANT);
        assertThat(s.assessment().waivers()).extracting(w -> w.state()).containsExactly(Summary.WaiverOutcome.State.EXPIRED);
    }

    @Test
    void aWaiverForARequirementThatIsNotBrokenIsStale() {
        Summary s = judged(Profile.declared(), List.of(waiver(DDI_BASE_01, TODAY), waiver(DDI_STATE_01, TODAY)), POLL_OK);
        assertThat(s.result(DDI_BASE_01).status()).isEqualTo(Status.PASS);
        assertThat(s.assessment().waivers(Summary.WaiverOutcome.State.STALE)).extracting(w -> w.waiver().requirement())
                .containsExactly(DDI_BASE_01, DDI_STATE_01);
        String json = SummaryWriter.json(s);
        assertThat(json).contains("\"staleWaivers\" : [ \"DDI-BASE-01\", \"DDI-STATE-01\" ]");
        assertThat(SummaryWriter.markdown(s)).contains("## Stale waivers").contains("**DDI-BASE-01** is PASS");
        StringWriter out = new StringWriter();
        SummaryWriter.table(s, new PrintWriter(out, true));
        assertThat(out.toString()).contains("warning: stale waiver DDI-BASE-01 until 2027-03-31").contains("DDI-STATE-01 is SKIP");
    }

    @Test
    void waivedRequirementsAppearInEveryOutput() {
        Summary s = judged(Profile.declared(), List.of(waiver(DDI_BASE_09, TODAY.plusYears(1))), SLEEP_BROKEN);
        assertThat(SummaryWriter.json(s)).contains("\"waived\" : 1").contains("\"status\" : \"WAIVED\"")
                .contains("\"state\" : \"APPLIED\"");
        assertThat(SummaryWriter.markdown(s)).contains("## Waived").contains("1 waived").contains("WAIVED |");
        StringWriter out = new StringWriter();
        SummaryWriter.table(s, new PrintWriter(out, true));
        assertThat(out.toString()).contains("waived").contains("  WAIVED DDI-BASE-09").contains("Verdict: CONFORMANT");
    }

    @Test
    void requirementsOutsideTheProfileAreSkippedWithTheReason() {
        CheckResult confirm = new CheckResult("ConfirmationChecks.x", "x", DDI_CONFIRM_01.area(), List.of(DDI_CONFIRM_01),
                Outcome.FAILED, EnumSet.of(DDI_CONFIRM_01), "no link", List.of(), 1);
        Summary s = judged(Profile.resolve("core"), List.of(), confirm, POLL_OK);
        assertThat(s.result(DDI_CONFIRM_01).status()).isEqualTo(Status.SKIP);
        assertThat(s.result(DDI_CONFIRM_01).reason()).isEqualTo("not claimed by profile core");
        assertThat(s.result(DDI_BASE_01).status()).isEqualTo(Status.PASS);
        assertThat(s.verdict()).isEqualTo(Summary.Verdict.CONFORMANT);
        assertThat(SummaryWriter.json(s)).contains("\"profile\" : \"core\"");
    }

    @Test
    void ambiguitiesCarryBothReadingsAndWhatTheServerDid() {
        CheckResult cancel = new CheckResult("CancelChecks.canceled", "c", DDI_CANCEL_07.area(), List.of(DDI_CANCEL_07),
                Outcome.PASSED, EnumSet.noneOf(Req.class), null, List.of(), 1,
                List.of(new Ambiguity(Divergence.HB_DEV_01, Divergence.Reading.HAWKBIT, "recorded as 'warning'")));
        Summary s = judged(Profile.declared(), List.of(), cancel);
        assertThat(s.result(DDI_CANCEL_07).status()).isEqualTo(Status.PASS);
        assertThat(s.assessment().ambiguities()).singleElement().satisfies(a -> {
            assertThat(a.divergence()).isEqualTo(Divergence.HB_DEV_01);
            assertThat(a.followed()).isEqualTo("hawkbit");
            assertThat(a.status()).isEqualTo(Status.PASS);
        });
        assertThat(SummaryWriter.json(s)).contains("\"ambiguities\"").contains("\"id\" : \"HB-DEV-01\"")
                .contains("\"published\" : \"`canceled`").contains("\"hawkbit\" : \"`canceled`")
                .contains("\"observed\" : \"recorded as 'warning'\"");
        assertThat(SummaryWriter.markdown(s)).contains("## Specification ambiguities").contains("| HB-DEV-01 | DDI-CANCEL-07 |");
    }
}
