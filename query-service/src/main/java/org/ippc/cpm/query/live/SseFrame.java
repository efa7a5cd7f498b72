package org.ippc.cpm.query.live;

import java.nio.charset.StandardCharsets;

/**
 * One Server-Sent Event as the bytes on the wire, encoded once however many streams it goes to and written to each
 * in one piece. The data is one line of JSON: Jackson escapes every line break inside it.
 */
record SseFrame(byte[] bytes) {

    static final SseFrame HEARTBEAT = of(":heartbeat\n\n");

    static SseFrame event(String name, long id, String json) {
        return of("id:" + id + "\nevent:" + name + "\ndata:" + json + "\n\n");
    }

    private static SseFrame of(String text) {
        return new SseFrame(text.getBytes(StandardCharsets.UTF_8));
    }
}
