package org.ddict.schema;

import org.ddict.schema.SchemaViolation.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The closed request schemas (catalogue A.10) used to self-check the suite's own bodies. */
class SchemaRequestBodiesTest {

    private static final Schemas SCHEMAS = Schemas.fromClasspath();

    private static List<SchemaViolation> validate(DdiDocument document, String json) {
        return SCHEMAS.validate(document, json);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"status\":{\"execution\":\"closed\",\"result\":{\"finished\":\"success\"},\"details\":[\"x\"]}}",
            "{\"status\":{\"execution\":\"proceeding\",\"result\":{\"finished\":\"none\",\"progress\":{\"cnt\":2,\"of\":5}}}}",
            "{\"status\":{\"execution\":\"proceeding\",\"result\":{\"finished\":\"none\",\"progress\":{\"cnt\":0}}}}",
            "{\"status\":{\"execution\":\"closed\",\"result\":{\"finished\":\"failure\"},\"code\":42,\"details\":[\"boom\"]}}",
            "{\"timestamp\":1796025904371,\"status\":{\"execution\":\"downloaded\",\"result\":{\"finished\":\"none\"}}}",
            "{\"status\":{\"execution\":\"canceled\",\"result\":{\"finished\":\"success\"}}}",
            "{\"status\":{\"execution\":\"scheduled\",\"result\":{\"finished\":\"none\"}}}",
            "{\"status\":{\"execution\":\"rejected\",\"result\":{\"finished\":\"none\"}}}",
            "{\"status\":{\"execution\":\"resumed\",\"result\":{\"finished\":\"none\"}}}",
            "{\"status\":{\"execution\":\"download\",\"result\":{\"finished\":\"none\"}}}",
    })
    void validActionFeedback(String body) {
        assertThat(validate(DdiDocument.ACTION_FEEDBACK_REQUEST, body)).extracting(SchemaViolation::describe).isEmpty();
    }

    @Test
    void unknownExecution() {
        List<SchemaViolation> v = validate(DdiDocument.ACTION_FEEDBACK_REQUEST,
                "{\"status\":{\"execution\":\"finished\",\"result\":{\"finished\":\"success\"}}}");
        assertThat(v).extracting(SchemaViolation::pointer, SchemaViolation::keyword, SchemaViolation::kind)
                .containsExactly(tuple("/status/execution", "enum", Kind.ENUM));
    }

    @Test
    void upperCaseExecutionIsWrongCase() {
        assertThat(validate(DdiDocument.ACTION_FEEDBACK_REQUEST,
                "{\"status\":{\"execution\":\"PROCEEDING\",\"result\":{\"finished\":\"none\"}}}"))
                .extracting(SchemaViolation::pointer, SchemaViolation::kind)
                .containsExactly(tuple("/status/execution", Kind.WRONG_CASE));
    }

    @Test
    void unknownPropertiesAreRejectedAtEveryLevel() {
        assertThat(validate(DdiDocument.ACTION_FEEDBACK_REQUEST,
                "{\"id\":\"7\",\"status\":{\"execution\":\"closed\",\"result\":{\"finished\":\"success\"}}}"))
                .extracting(SchemaViolation::pointer, SchemaViolation::keyword, SchemaViolation::kind)
                .containsExactly(tuple("", "additionalProperties", Kind.OTHER));
        List<SchemaViolation> nested = validate(DdiDocument.ACTION_FEEDBACK_REQUEST,
                "{\"status\":{\"execution\":\"closed\",\"bar\":true,\"result\":{\"finished\":\"success\"}}}");
        assertThat(nested).extracting(SchemaViolation::pointer, SchemaViolation::keyword)
                .containsExactly(tuple("/status", "additionalProperties"));
        assertThat(nested.get(0).message()).contains("'bar'");
        assertThat(validate(DdiDocument.CONFIG_DATA_REQUEST, "{\"data\":{\"k\":\"v\"},\"extra\":1}"))
                .extracting(SchemaViolation::keyword).containsExactly("additionalProperties");
        assertThat(validate(DdiDocument.CONFIRMATION_FEEDBACK_REQUEST, "{\"confirmation\":\"confirmed\",\"x\":1}"))
                .extracting(SchemaViolation::keyword).containsExactly("additionalProperties");
        assertThat(validate(DdiDocument.ACTIVATE_AUTO_CONFIRMATION_REQUEST, "{\"initiator\":\"a\",\"x\":1}"))
                .extracting(SchemaViolation::keyword).containsExactly("additionalProperties");
        assertThat(validate(DdiDocument.ASSIGNED_VERSION_REQUEST, "{\"name\":\"a\",\"version\":\"1\",\"x\":1}"))
                .extracting(SchemaViolation::keyword).containsExactly("additionalProperties");
    }

    @Test
    void feedbackMissingResultAndWrongTypes() {
        assertThat(validate(DdiDocument.ACTION_FEEDBACK_REQUEST, "{\"status\":{\"execution\":\"closed\"}}"))
                .extracting(SchemaViolation::pointer, SchemaViolation::kind)
                .containsExactly(tuple("/status", Kind.REQUIRED));
        assertThat(validate(DdiDocument.ACTION_FEEDBACK_REQUEST,
                "{\"status\":{\"execution\":\"closed\",\"result\":{\"finished\":\"success\"},\"details\":\"x\",\"code\":\"1\"}}"))
                .extracting(SchemaViolation::pointer, SchemaViolation::kind)
                .containsExactlyInAnyOrder(tuple("/status/details", Kind.TYPE), tuple("/status/code", Kind.TYPE));
        assertThat(validate(DdiDocument.ACTION_FEEDBACK_REQUEST,
                "{\"status\":{\"execution\":\"proceeding\",\"result\":{\"finished\":\"none\",\"progress\":{\"of\":3}}}}"))
                .extracting(SchemaViolation::pointer, SchemaViolation::kind)
                .containsExactly(tuple("/status/result/progress", Kind.REQUIRED));
        assertThat(validate(DdiDocument.ACTION_FEEDBACK_REQUEST,
                "{\"status\":{\"execution\":\"closed\",\"result\":{\"finished\":\"none\"},\"details\":[\"<b>\"]}}"))
                .extracting(SchemaViolation::pointer, SchemaViolation::kind)
                .containsExactly(tuple("/status/details/0", Kind.PATTERN));
    }

    @Test
    void configData() {
        assertThat(validate(DdiDocument.CONFIG_DATA_REQUEST, "{\"mode\":\"merge\",\"data\":{\"k\":\"v\"}}")).isEmpty();
        assertThat(validate(DdiDocument.CONFIG_DATA_REQUEST, "{\"data\":{\"k\":\"v\",\"k2\":\"v2\"}}")).isEmpty();
        assertThat(validate(DdiDocument.CONFIG_DATA_REQUEST, "{\"mode\":\"replace\",\"data\":{\"k\":\"v\"}}")).isEmpty();
        assertThat(validate(DdiDocument.CONFIG_DATA_REQUEST, "{\"mode\":\"remove\",\"data\":{\"k\":\"\"}}")).isEmpty();
        assertThat(validate(DdiDocument.CONFIG_DATA_REQUEST, "{\"mode\":\"MERGE\",\"data\":{\"k\":\"v\"}}"))
                .extracting(SchemaViolation::pointer, SchemaViolation::kind).containsExactly(tuple("/mode", Kind.WRONG_CASE));
        assertThat(validate(DdiDocument.CONFIG_DATA_REQUEST, "{\"mode\":\"merge\"}"))
                .extracting(SchemaViolation::pointer, SchemaViolation::kind).containsExactly(tuple("", Kind.REQUIRED));
        assertThat(validate(DdiDocument.CONFIG_DATA_REQUEST, "{\"data\":{}}"))
                .extracting(SchemaViolation::pointer, SchemaViolation::keyword).containsExactly(tuple("/data", "minProperties"));
        assertThat(validate(DdiDocument.CONFIG_DATA_REQUEST, "{\"data\":{\"k\":1}}"))
                .extracting(SchemaViolation::pointer, SchemaViolation::kind).containsExactly(tuple("/data/k", Kind.TYPE));
        assertThat(validate(DdiDocument.CONFIG_DATA_REQUEST, "{\"data\":{\"k\":\"" + "v".repeat(129) + "\"}}"))
                .extracting(SchemaViolation::pointer, SchemaViolation::keyword).containsExactly(tuple("/data/k", "maxLength"));
        assertThat(validate(DdiDocument.CONFIG_DATA_REQUEST, "{\"data\":{\"" + "k".repeat(129) + "\":\"v\"}}"))
                .isNotEmpty();
    }

    @Test
    void confirmationFeedback() {
        assertThat(validate(DdiDocument.CONFIRMATION_FEEDBACK_REQUEST, "{\"confirmation\":\"confirmed\"}")).isEmpty();
        assertThat(validate(DdiDocument.CONFIRMATION_FEEDBACK_REQUEST,
                "{\"confirmation\":\"denied\",\"code\":3,\"details\":[\"no\"]}")).isEmpty();
        assertThat(validate(DdiDocument.CONFIRMATION_FEEDBACK_REQUEST, "{\"confirmation\":\"Confirmed\"}"))
                .extracting(SchemaViolation::kind).containsExactly(Kind.WRONG_CASE);
        assertThat(validate(DdiDocument.CONFIRMATION_FEEDBACK_REQUEST, "{\"confirmation\":\"maybe\"}"))
                .extracting(SchemaViolation::kind).containsExactly(Kind.ENUM);
        assertThat(validate(DdiDocument.CONFIRMATION_FEEDBACK_REQUEST, "{}"))
                .extracting(SchemaViolation::kind).containsExactly(Kind.REQUIRED);
    }

    @Test
    void activateAutoConfirmationAndAssignedVersion() {
        assertThat(validate(DdiDocument.ACTIVATE_AUTO_CONFIRMATION_REQUEST, "{}")).isEmpty();
        assertThat(validate(DdiDocument.ACTIVATE_AUTO_CONFIRMATION_REQUEST,
                "{\"initiator\":\"device-user\",\"remark\":\"trust all\"}")).isEmpty();
        assertThat(validate(DdiDocument.ACTIVATE_AUTO_CONFIRMATION_REQUEST, "{\"initiator\":1}"))
                .extracting(SchemaViolation::kind).containsExactly(Kind.TYPE);
        assertThat(validate(DdiDocument.ASSIGNED_VERSION_REQUEST, "{\"name\":\"ds\",\"version\":\"1.0\"}")).isEmpty();
        assertThat(validate(DdiDocument.ASSIGNED_VERSION_REQUEST, "{\"name\":\"ds\"}"))
                .extracting(SchemaViolation::pointer, SchemaViolation::kind).containsExactly(tuple("", Kind.REQUIRED));
    }
}
