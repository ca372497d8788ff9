package dev.frontdesk.server.http;

import dev.frontdesk.core.support.Cidr;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The client's IP address. {@code X-Forwarded-For} is believed only when the peer is a configured
 * trusted proxy, and then read from the right, skipping further trusted proxies: anything to the left
 * of the first untrusted hop could have been written by the client.
 */
public final class ClientAddresses {
    private final List<Cidr> trustedProxies;

    public ClientAddresses(List<Cidr> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    public String of(ServerRequest request) {
        SocketAddress peer = request.remotePeer().address();
        InetAddress address = peer instanceof InetSocketAddress inet ? inet.getAddress() : null;
        if (address == null) {
            return "";
        }
        if (trustedProxies.isEmpty() || !isTrusted(address)) {
            return address.getHostAddress();
        }
        List<String> forwarded = request.headers().values(HeaderNames.X_FORWARDED_FOR);
        String[] hops = String.join(",", forwarded).split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (hop.isEmpty()) {
                continue;
            }
            InetAddress hopAddress = literal(hop);
            if (hopAddress == null) {
                break;
            }
            if (!isTrusted(hopAddress)) {
                return hopAddress.getHostAddress();
            }
        }
        return address.getHostAddress();
    }

    /**
     * Whether the client reached us over TLS: our own listener is TLS, or a trusted proxy says so in
     * its last {@code X-Forwarded-Proto}. The header of an untrusted peer is ignored.
     */
    public boolean viaTls(ServerRequest request) {
        if (request.isSecure()) {
            return true;
        }
        SocketAddress peer = request.remotePeer().address();
        if (trustedProxies.isEmpty() || !(peer instanceof InetSocketAddress inet) || inet.getAddress() == null
                || !isTrusted(inet.getAddress())) {
            return false;
        }
        List<String> values = request.headers().values(HeaderNames.X_FORWARDED_PROTO);
        if (values.isEmpty()) {
            return false;
        }
        String[] protos = String.join(",", values).split(",");
        return protos[protos.length - 1].trim().equalsIgnoreCase("https");
    }

    /**
     * The host the client asked for: a trusted proxy's last {@code X-Forwarded-Host}, else the request's
     * own {@code Host}. The header of an untrusted peer is ignored.
     */
    public String requestedHost(ServerRequest request) {
        if (!trustedProxies.isEmpty() && fromTrustedPeer(request)) {
            List<String> values = request.headers().values(HeaderNames.X_FORWARDED_HOST);
            if (!values.isEmpty()) {
                String last = values.getLast();
                int comma = last.lastIndexOf(',');
                String host = (comma < 0 ? last : last.substring(comma + 1)).trim();
                if (!host.isEmpty()) {
                    return host;
                }
            }
        }
        return request.authority();
    }

    private boolean fromTrustedPeer(ServerRequest request) {
        SocketAddress peer = request.remotePeer().address();
        return peer instanceof InetSocketAddress inet && inet.getAddress() != null && isTrusted(inet.getAddress());
    }

    private boolean isTrusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(c -> c.contains(address));
    }

    private static InetAddress literal(String text) {
        if (text.length() > 45 || !text.matches("[0-9a-fA-F:.]+")) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
