package org.ddict.ddi;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.qameta.allure.Allure;
import io.qameta.allure.restassured.AllureRestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.LogConfig;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Sends {@link HttpCall}s with REST-assured: exact URLs (no re-encoding), no redirects followed, a per-request timeout,
 * the Authorization header masked in every report attachment, and each exchange attached to the current Allure test.
 */
public final class Http {

    private final RestAssuredConfig config;
    private final boolean attachToReport;

    public Http(Duration timeout, boolean attachToReport) {
        int ms = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        this.config = RestAssuredConfig.config()
                .httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.connection.timeout", ms)
                        .setParam("http.socket.timeout", ms)
                        .setParam("http.connection-manager.timeout", (long) ms))
                .redirect(RedirectConfig.redirectConfig().followRedirects(false))
                .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false))
                .logConfig(LogConfig.logConfig().blacklistHeader("Authorization"));
        this.attachToReport = attachToReport;
    }

    public Exchange send(HttpCall call) {
        RequestSpecification spec = prepare(call);
        if (call.body() != null) {
            spec.body(call.body());
        }
        return execute(call, spec);
    }

    /** A {@code multipart/form-data} request with one file part (the body of {@code call} is ignored). */
    public Exchange sendFile(HttpCall call, String part, String filename, byte[] bytes) {
        RequestSpecification spec = prepare(call.withoutHeader("Content-Type"));
        spec.multiPart(part, filename, bytes, "application/octet-stream");
        return execute(call, spec);
    }

    private RequestSpecification prepare(HttpCall call) {
        RequestSpecification spec = given().config(config).urlEncodingEnabled(false).noFilters();
        if (attachToReport && Allure.getLifecycle().getCurrentTestCase().isPresent()) {
            spec.filter(new AllureRestAssured());
        }
        call.headers().forEach(spec::header);
        return spec;
    }

    private Exchange execute(HttpCall call, RequestSpecification spec) {
        long start = System.nanoTime();
        Response response;
        byte[] body;
        try {
            response = spec.request(call.method(), call.url());
            body = response.asByteArray();
        } catch (Exception e) {
            throw new TransportException(call, e);
        }
        long nanos = System.nanoTime() - start;
        Metrics.record(nanos);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header h : response.getHeaders()) {
            headers.computeIfAbsent(h.getName(), k -> new java.util.ArrayList<>()).add(h.getValue());
        }
        return new Exchange(call, response.getStatusCode(), headers, body == null ? new byte[0] : body, Duration.ofNanos(nanos));
    }
}
