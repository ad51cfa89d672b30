package org.ddict.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.ddict.catalogue.Req;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The waivers file: every entry complete and valid, or one clear configuration error. */
class WaiverTest {

    @TempDir
    Path dir;

    private Path file(String json) throws IOException {
        return Files.writeString(dir.resolve("waivers.json"), json);
    }

    @Test
    void readsWaiversAndKnowsTheirLastDay() throws IOException {
        List<Waiver> w = Waiver.read(file("""
                [{"requirement":"ddi-base-09","reason":"firmware 2.x","owner":"platform team","expires":"2027-03-31"}]"""));
        assertThat(w).containsExactly(new Waiver(Req.DDI_BASE_09, "firmware 2.x", "platform team", LocalDate.of(2027, 3, 31)));
        assertThat(w.get(0).validOn(LocalDate.of(2027, 3, 31))).as("the expiry day itself").isTrue();
        assertThat(w.get(0).validOn(LocalDate.of(2027, 4, 1))).isFalse();
        assertThat(Waiver.read(file("[]"))).isEmpty();
    }

    @Test
    void badFilesAreOneConfigError() throws IOException {
        assertThatThrownBy(() -> Waiver.read(dir.resolve("none.json"))).isInstanceOf(ConfigException.class).hasMessageContaining("cannot read");
        assertThatThrownBy(() -> Waiver.read(file("[{"))).isInstanceOf(ConfigException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> Waiver.read(file("{}"))).isInstanceOf(ConfigException.class).hasMessageContaining("JSON array");
        assertThatThrownBy(() -> Waiver.read(file("""
                [{"requirement":"DDI-BASE-99","reason":"r","owner":"o","expires":"2027-03-31"}]""")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("entry 1: unknown requirement ID 'DDI-BASE-99'");
        assertThatThrownBy(() -> Waiver.read(file("""
                [{"requirement":"DDI-BASE-09","reason":"r","owner":"o","expires":"31.03.2027"}]""")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("expires '31.03.2027' is not a date");
        assertThatThrownBy(() -> Waiver.read(file("""
                [{"requirement":"DDI-BASE-09","reason":"r","expires":"2027-03-31"}]""")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'owner' is missing");
        assertThatThrownBy(() -> Waiver.read(file("""
                [{"requirement":"DDI-BASE-09","reason":"r","owner":"o","expires":"2027-03-31","until":"x"}]""")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown key 'until'");
        assertThatThrownBy(() -> Waiver.read(file("""
                [{"requirement":"DDI-BASE-09","reason":"r","owner":"o","expires":"2027-03-31"},
                 {"requirement":"DDI-BASE-09","reason":"r","owner":"o","expires":"2028-03-31"}]""")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("entry 2: a second waiver for DDI-BASE-09");
    }
}
