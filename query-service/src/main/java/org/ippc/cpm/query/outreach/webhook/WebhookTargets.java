package org.ippc.cpm.query.outreach.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Where a webhook may be delivered: an http(s) URL without credentials whose host resolves only to public addresses,
 * unless {@code cpm.webhooks.allow-private-targets}. Checked when a subscription is made and again before each
 * delivery (the name may since resolve elsewhere); redirects are never followed.
 */
final class WebhookTargets {

    private WebhookTargets() {}

    /** Why the URL may not be a target, or empty if it may. */
    static Optional<String> refusal(String url, boolean allowPrivate) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception malformed) {
            return Optional.of("url is not a URL");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())) {
            return Optional.of("url must be http or https");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return Optional.of("url must name a host, without credentials or fragment");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (!isPublic(address)) {
                    return Optional.of("url resolves to " + address.getHostAddress()
                            + ", a loopback, private or link-local address (cpm.webhooks.allow-private-targets)");
                }
            }
        } catch (UnknownHostException unknown) {
            return Optional.of("url's host " + uri.getHost() + " does not resolve");
        }
        return Optional.empty();
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) != 0xfc; // fc00::/7, unique local
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        return !(first == 100 && second >= 64 && second < 128) // 100.64.0.0/10, shared address space
                && first != 0;
    }
}
