// A webhook receiver for cpm-engine using only the JDK (docs/integration-guide.md). Run: java Receiver.java [port]
// with WEBHOOK_SECRET=whsec_... in the environment. Prints each verified CloudEvent once per webhook-id.
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class Receiver {

    static final byte[] SECRET = Base64.getDecoder().decode(System.getenv("WEBHOOK_SECRET").split("_", 2)[1]);
    static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 9000;
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            var headers = exchange.getRequestHeaders();
            String id = headers.getFirst("webhook-id");
            boolean valid = verified(id, headers.getFirst("webhook-timestamp"), body, headers.getFirst("webhook-signature"));
            if (valid && SEEN.add(id)) {
                System.out.println("verified " + new String(body, StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(valid ? 204 : 401, -1);
            exchange.close();
        });
        server.start();
    }

    static boolean verified(String id, String timestamp, byte[] body, String header) {
        try {
            if (Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp)) > 300) {
                return false;
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(body);
            for (String signature : header.split(" ")) { // two during a secret rotation
                String[] parts = signature.split(",", 2);
                if (parts[0].equals("v1") && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
                    return true;
                }
            }
            return false;
        } catch (Exception malformed) {
            return false;
        }
    }
}
