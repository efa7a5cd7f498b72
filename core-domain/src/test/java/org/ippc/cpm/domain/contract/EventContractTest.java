package org.ippc.cpm.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.ippc.cpm.domain.decision.DecisionEvent;
import org.ippc.cpm.domain.directory.DirectoryEvent;
import org.ippc.cpm.domain.programme.ProgrammeEvent;
import org.ippc.cpm.domain.round.RoundEvent;
import org.ippc.cpm.domain.session.SessionEvent;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.CpmEvent;
import org.ippc.cpm.domain.shared.CpmJson;
import org.ippc.cpm.domain.shared.PersonAndPartyUpcaster;
import org.ippc.cpm.domain.translation.TranslationEvent;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The event schema is a contract with auditors: each event type serializes, with the services' Jackson
 * configuration, to exactly its committed golden JSON, and reads back equal. Changing an event's shape fails here
 * until it gets a new revision, an upcaster and a new golden file. Run with {@code -Dgolden.write=true} to write
 * the file of a new event type. The files of earlier revisions stay, and must read, through the upcasters, as the
 * event they recorded.
 */
class EventContractTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden-events");
    private static final Class<?>[] SEALED = {
        SessionEvent.class,
        RoundEvent.class,
        ProgrammeEvent.class,
        DecisionEvent.class,
        DirectoryEvent.class,
        TranslationEvent.class
    };

    private final ObjectMapper json = CpmJson.objectMapper();
    private final JacksonSerializer serializer =
            JacksonSerializer.builder().objectMapper(json).build();

    @Test
    void every_event_type_has_a_sample_and_revision_2() {
        var permitted = Arrays.stream(SEALED)
                .flatMap(s -> Arrays.stream(s.getPermittedSubclasses()))
                .toList();
        assertThat(SampleEvents.all()).extracting(Object::getClass).containsExactlyInAnyOrderElementsOf(permitted);
        permitted.forEach(type -> assertThat(type.getAnnotation(Revision.class))
                .as(type.getSimpleName())
                .isNotNull()
                .extracting(Revision::value)
                .isEqualTo(PersonAndPartyUpcaster.TO));
    }

    @TestFactory
    Stream<DynamicTest> every_event_matches_its_golden_json_and_reads_back_equal() {
        return SampleEvents.all().stream()
                .map(event -> DynamicTest.dynamicTest(event.getClass().getSimpleName(), () -> {
                    SerializedObject<String> serialized = serializer.serialize(event, String.class);
                    Path golden = GOLDEN.resolve(event.getClass().getSimpleName() + ".json");
                    if (Boolean.getBoolean("golden.write") && !Files.exists(golden)) {
                        write(golden, serialized.getData());
                    }
                    assertThat(golden)
                            .as("golden file for " + event.getClass().getSimpleName())
                            .exists();
                    assertThat(json.readTree(serialized.getData())).isEqualTo(json.readTree(Files.readString(golden)));
                    assertThat(serialized.getType().getName())
                            .isEqualTo(event.getClass().getName());
                    assertThat(serialized.getType().getRevision()).isEqualTo(PersonAndPartyUpcaster.TO);
                    Object read = serializer.deserialize(serialized);
                    assertThat(read).isEqualTo(event);
                }));
    }

    @TestFactory
    Stream<DynamicTest> every_event_of_revision_1_reads_with_its_party_and_an_unrecorded_person() {
        EventUpcasterChain upcasters = new EventUpcasterChain(new PersonAndPartyUpcaster());
        return SampleEvents.all().stream()
                // the directory's and the translations' events were born at revision 2
                .filter(event -> !(event instanceof DirectoryEvent) && !(event instanceof TranslationEvent))
                .map(event -> DynamicTest.dynamicTest(event.getClass().getSimpleName(), () -> {
                    byte[] stored = Files.readAllBytes(GOLDEN.resolve("revision-1")
                            .resolve(event.getClass().getSimpleName() + ".json"));
                    var entry = new GenericDomainEventEntry<>(
                            "Aggregate",
                            "id-1",
                            0,
                            "event-1",
                            Instant.EPOCH,
                            event.getClass().getName(),
                            PersonAndPartyUpcaster.FROM,
                            stored,
                            "{}".getBytes());
                    var read = upcasters
                            .upcast(Stream.of(new InitialEventRepresentation(entry, serializer)))
                            .toList();
                    assertThat(read).hasSize(1);
                    assertThat(read.get(0).getType().getRevision()).isEqualTo(PersonAndPartyUpcaster.TO);
                    Object upcast = serializer.deserialize(read.get(0).getData());
                    assertThat(upcast)
                            .usingRecursiveComparison()
                            .ignoringFields("actor")
                            .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                            .isEqualTo(event);
                    Actor recorded = ((CpmEvent) event).actor();
                    Actor expected = recorded.role().actsForParty()
                            ? new Actor(recorded.role(), Actor.PERSON_NOT_RECORDED, recorded.party())
                            : recorded;
                    assertThat(((CpmEvent) upcast).actor()).isEqualTo(expected);
                }));
    }

    private void write(Path golden, String data) throws IOException {
        Files.createDirectories(golden.getParent());
        Files.writeString(golden, json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(data)) + "\n");
    }
}
