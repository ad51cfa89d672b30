package org.ddict.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;

import org.ddict.catalogue.Feature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapabilitiesAndRedactionTest {

    @Test
    void signedEntriesChangeTheOperatorsAnswerAndAPlainListReplacesIt() {
        EnumSet<Feature> declared = EnumSet.of(Feature.TOKEN, Feature.PNP);
        assertThat(Capabilities.apply(declared, "+CBOR,-PNP")).containsExactlyInAnyOrder(Feature.TOKEN, Feature.CBOR);
        assertThat(Capabilities.apply(declared, "RANGE, opt:mw")).containsExactlyInAnyOrder(Feature.RANGE, Feature.MW);
        assertThat(Capabilities.apply(declared, null)).isEqualTo(declared);
    }

    @Test
    void aFileCanHoldTheList(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("caps.txt");
        Files.writeString(file, "# our server\nTOKEN\nRANGE  # ranges work\n");
        assertThat(Capabilities.apply(EnumSet.noneOf(Feature.class), "@" + file)).containsExactlyInAnyOrder(Feature.TOKEN, Feature.RANGE);
    }

    @Test
    void unknownFeaturesAreAConfigurationError() {
        assertThatThrownBy(() -> Capabilities.validate("+WARP")).isInstanceOf(ConfigException.class).hasMessageContaining("WARP");
    }

    @Test
    void secretsAndTokenFieldsAreRedacted() {
        Secret s = new Secret("s3cr3t-value-42");
        assertThat(s.toString()).isEqualTo("****");
        assertThat(Redaction.apply("token s3cr3t-value-42 here")).isEqualTo("token **** here");
        assertThat(Redaction.apply("{\"securityToken\":\"abc\",\"x\":1}")).isEqualTo("{\"securityToken\":\"****\",\"x\":1}");
    }

    @Test
    void durationsAndUrlsAreValidated() {
        assertThat(Durations.parse("10s").toMillis()).isEqualTo(10_000);
        assertThat(Durations.parse("500ms").toMillis()).isEqualTo(500);
        assertThat(Durations.parse("PT2M").toSeconds()).isEqualTo(120);
        assertThatThrownBy(() -> Durations.parse("soon")).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> Urls.parse("--url", "localhost:8080")).isInstanceOf(ConfigException.class);
        assertThat(Urls.parse("--url", "http://127.0.0.1:8080/ctx").getPath()).isEqualTo("/ctx");
    }
}
