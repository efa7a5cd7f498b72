package org.ippc.cpm.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.ippc.cpm.eventstore.StoredEvents;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.env.MockEnvironment;

/**
 * Checkpoints name the key that signed them; after a rotation the previous key still verifies what it signed; the
 * embedded profile's built-in key is named as such; a checkpoint kept from before key ids still verifies. Seen
 * failing first: checkpoints carried no key id and a rotation made every kept checkpoint "not signed by this engine".
 */
class CheckpointsTest {

    private static final StoredEvents STORE = new StoredEvents(emptyStore());

    private static DataSource emptyStore() {
        DataSource dataSource =
                new DriverManagerDataSource("jdbc:h2:mem:checkpoints;NON_KEYWORDS=TIMESTAMP,VALUE;DB_CLOSE_DELAY=-1");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/h2", "classpath:db/migration/common")
                .load()
                .migrate();
        return dataSource;
    }

    private static Checkpoints engine(String key, String... previous) {
        return new Checkpoints(STORE, key, List.of(previous), new MockEnvironment());
    }

    @Test
    void a_checkpoint_names_its_key_and_a_rotation_keeps_the_old_ones_verifiable() {
        Checkpoint before = engine("the-key-of-2026").take();
        assertThat(before.keyId()).startsWith("hmac-").doesNotContain("the-key-of-2026");

        Checkpoints rotated = engine("the-key-of-2027", "the-key-of-2026");
        CheckpointVerification kept = rotated.verify(before);
        assertThat(kept.signatureValid()).isTrue();
        assertThat(kept.keyId()).isEqualTo(before.keyId());
        Checkpoint after = rotated.take();
        assertThat(after.keyId()).isNotEqualTo(before.keyId());
        assertThat(rotated.verify(after).keyId()).isEqualTo(after.keyId());

        assertThat(engine("the-key-of-2027").verify(before).signatureValid())
                .as("once the old key is dropped")
                .isFalse();
        Checkpoint renamed =
                new Checkpoint(before.takenAt(), before.events(), before.heads(), after.keyId(), before.signature());
        assertThat(rotated.verify(renamed).signatureValid()).isFalse();
    }

    @Test
    void the_embedded_demo_key_is_named_as_such_in_every_checkpoint_it_signs() {
        assertThat(engine(CheckpointKey.DEMO).take().keyId()).isEqualTo("embedded-demo-key");
    }

    @Test
    void a_checkpoint_from_before_key_ids_still_verifies_and_cannot_be_given_another_key() {
        Checkpoint now = engine("the-key-of-2026").take();
        String legacySignature = CheckpointKey.of("the-key-of-2026")
                .sign("cpm-checkpoint\n" + now.takenAt() + "\n" + now.events() + "\n");
        Checkpoint legacy = new Checkpoint(now.takenAt(), now.events(), now.heads(), null, legacySignature);
        assertThat(engine("the-key-of-2027", "the-key-of-2026").verify(legacy).signatureValid())
                .isTrue();
        Checkpoint stripped = new Checkpoint(now.takenAt(), now.events(), now.heads(), null, now.signature());
        assertThat(engine("the-key-of-2026").verify(stripped).signatureValid()).isFalse();
    }

    @Test
    void production_refuses_the_demo_key_also_as_a_previous_one() {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("production");
        assertThatThrownBy(() -> new Checkpoints(STORE, "own", List.of(CheckpointKey.DEMO), production))
                .hasMessageContaining("CPM_PREVIOUS_CHECKPOINT_KEYS");
    }
}
