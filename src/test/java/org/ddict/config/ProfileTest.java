package org.ddict.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ddict.catalogue.Req.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

import org.ddict.catalogue.Area;
import org.ddict.catalogue.Feature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Profiles: what a built-in, a composition or a file claims, and which optional features it makes offered. */
class ProfileTest {

    @Test
    void declaredClaimsEverythingAndOffersWhatTheOperatorDeclares() {
        Profile p = Profile.resolve(null);
        assertThat(p.isDeclared()).isTrue();
        assertThat(Profile.resolve("declared").isDeclared()).isTrue();
        assertThat(p.claims(DDI_CONFIRM_01)).isTrue();
        assertThat(p.claims(DDI_AUTH_08)).isTrue();
        assertThat(p.offered(EnumSet.of(Feature.TOKEN, Feature.CBOR), "-CBOR")).containsExactly(Feature.TOKEN);
    }

    @Test
    void coreClaimsCoreAreasWithoutOptionalFeatures() {
        Profile core = Profile.resolve("core");
        assertThat(core.claims(DDI_BASE_09)).isTrue();
        assertThat(core.claims(DDI_CANCEL_07)).isTrue();
        assertThat(core.claims(DDI_BASE_14)).as("Opt:CBOR in area BASE").isFalse();
        assertThat(core.claims(DDI_DOWNLOAD_01)).as("area DOWNLOAD").isFalse();
        assertThat(core.claims(DDI_CONFIG_02)).isFalse();
        assertThat(core.offered(EnumSet.allOf(Feature.class), null)).as("the claim, not the operator's answer").isEmpty();
        assertThat(core.notClaimed()).isEqualTo("not claimed by profile core");
    }

    @Test
    void modulesComposeWithPlus() {
        Profile p = Profile.resolve("core+download+config+range+installed");
        assertThat(p.name()).isEqualTo("core+download+config+range+installed");
        assertThat(p.claims(DDI_DOWNLOAD_01)).isTrue();
        assertThat(p.claims(DDI_CONFIG_02)).isTrue();
        assertThat(p.areas()).contains(Area.INSTALLED);
        assertThat(p.claims(DDI_SCHEMA_04)).as("Opt:INSTALLED in area SCHEMA").isTrue();
        assertThat(p.claims(DDI_HISTORY_01)).isFalse();
        assertThat(p.offered(Set.of(), null)).containsExactlyInAnyOrder(Feature.RANGE, Feature.INSTALLED);
    }

    @Test
    void fullClaimsEveryRequirement() {
        Profile full = Profile.resolve("full");
        assertThat(java.util.Arrays.stream(org.ddict.catalogue.Req.values()).allMatch(full::claims)).isTrue();
        assertThat(full.offered(Set.of(), null)).containsExactlyInAnyOrder(Feature.values());
    }

    @Test
    void aProfileFileIsJsonOrProperties(@TempDir Path dir) throws IOException {
        Path json = Files.writeString(dir.resolve("acme.json"),
                "{\"name\":\"acme-gateway\",\"modules\":[\"core\",\"download\"],\"areas\":[\"CONFIG\"],\"features\":[\"Opt:RANGE\",\"etag\"]}");
        Profile p = Profile.resolve(json.toString());
        assertThat(p.name()).isEqualTo("acme-gateway");
        assertThat(p.claims(DDI_CONFIG_02)).isTrue();
        assertThat(p.claims(DDI_BASE_08)).as("Opt:ETAG").isTrue();
        assertThat(p.features()).containsExactlyInAnyOrder(Feature.RANGE, Feature.ETAG);
        Path props = Files.writeString(dir.resolve("small.properties"), "name=small\nmodules=core+confirm\n");
        Profile q = Profile.resolve(props.toString());
        assertThat(q.name()).isEqualTo("small");
        assertThat(q.claims(DDI_CONFIRM_01)).isTrue();
        assertThat(q.claims(DDI_DOWNLOAD_01)).isFalse();
    }

    @Test
    void mistakesAreConfigErrors(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> Profile.resolve("core+teleport")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown profile or module 'teleport'");
        assertThatThrownBy(() -> Profile.resolve(dir.resolve("missing.json").toString())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("cannot read");
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"name\":\"x\",\"feature\":[\"CBOR\"]}");
        assertThatThrownBy(() -> Profile.resolve(bad.toString())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown key 'feature'");
        Path empty = Files.writeString(dir.resolve("empty.json"), "{\"name\":\"x\"}");
        assertThatThrownBy(() -> Profile.resolve(empty.toString())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("claims nothing");
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"name\":");
        assertThatThrownBy(() -> Profile.resolve(broken.toString())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> Profile.resolve("core").offered(Set.of(), "+CBOR")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("--capabilities applies to the profile 'declared' only");
    }

    @Test
    void dialectsParse() {
        assertThat(Dialect.parse(null)).isEqualTo(Dialect.HAWKBIT);
        assertThat(Dialect.parse("Published")).isEqualTo(Dialect.PUBLISHED);
        assertThatThrownBy(() -> Dialect.parse("openapi")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown dialect 'openapi' (known: hawkbit, published)");
    }
}
