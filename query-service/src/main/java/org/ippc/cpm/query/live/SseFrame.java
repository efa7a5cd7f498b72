package org.ippc.cpm.query.live;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;

/**
 * One Server-Sent Event as the bytes on the wire, encoded once however many streams it goes to and written to each
 * in one piece (Spring's own event builder writes three pieces, each flushed to the socket). The data is one line of
 * JSON: Jackson escapes every line break inside it.
 */
record SseFrame(Set<DataWithMediaType> bytes) {

    static final SseFrame HEARTBEAT = of(":heartbeat\n\n");

    static SseFrame event(String name, long id, String json) {
        return of("id:" + id + "\nevent:" + name + "\ndata:" + json + "\n\n");
    }

    private static SseFrame of(String text) {
        return new SseFrame(Set.of(new DataWithMediaType(text.getBytes(StandardCharsets.UTF_8), MediaType.TEXT_PLAIN)));
    }
}
