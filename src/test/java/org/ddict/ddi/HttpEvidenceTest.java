package org.ddict.ddi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

class HttpEvidenceTest {

    @Test
    void curlLinesReproduceTheRequestWithCredentialsAsVariables() {
        HttpCall call = HttpCall.of("POST", URI.create("http://h/DEFAULT/controller/v1/c1/deploymentBase/7/feedback"))
                .header("Authorization", "TargetToken abcdef0123456789").body("application/json", "{\"a\":\"it's\"}");
        String curl = call.curl();
        assertThat(curl).startsWith("curl -i -X POST 'http://h/DEFAULT/controller/v1/c1/deploymentBase/7/feedback'")
                .contains("-H 'Authorization: TargetToken $DDICT_TARGET_TOKEN'").contains("--data-raw '{\"a\":\"it'\\''s\"}'")
                .doesNotContain("abcdef0123456789");
        assertThat(HttpCall.of("GET", URI.create("http://h/x")).header("Authorization", "GatewayToken k").curl())
                .contains("GatewayToken $DDICT_GATEWAY_TOKEN");
    }

    @Test
    void curlLinesShowMegabyteTextsByTheirStartAndLength() {
        String body = "{\"data\":{\"k\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}}";
        String curl = HttpCall.of("PUT", URI.create("http://h/x")).header("X-Padding", "a".repeat(65536))
                .body("application/json", body).curl();
        assertThat(curl.length()).isLessThan(3 * HttpCall.CURL_LIMIT);
        assertThat(curl.contains("a… (65536 characters in all)' -H 'Content-Type")).as("the header cut").isTrue();
        assertThat(curl.endsWith("x… (" + body.length() + " characters in all)'")).as("the body cut").isTrue();
    }

    @Test
    void actionIdsAreTheLastPathSegmentOfTheHref() {
        assertThat(new Link("deploymentBase", "http://h/T/controller/v1/C/deploymentBase/42?c=-1731").actionId()).hasValue(42);
        assertThat(new Link("cancelAction", "http://h/T/controller/v1/C/cancelAction/42").actionId()).hasValue(42);
        assertThat(new Link("deploymentBase", "http://h/T/controller/v1/C/deploymentBase/42/?c=1").actionId()).isEmpty();
        assertThat(new Link("configData", "http://h/T/controller/v1/dev%3Acolon/configData").controllerSegment(URI.create("http://h/")))
                .isEqualTo("dev:colon");
    }

    @Test
    void feedbackCarriesAUniqueMarker() {
        Feedback a = Feedback.of(Feedback.Execution.CLOSED, Feedback.Finished.SUCCESS);
        Feedback b = Feedback.of(Feedback.Execution.CLOSED, Feedback.Finished.SUCCESS);
        assertThat(a.marker()).isNotEqualTo(b.marker());
        assertThat(a.json()).contains("\"execution\":\"closed\"").contains("\"finished\":\"success\"").contains(a.marker());
    }
}
