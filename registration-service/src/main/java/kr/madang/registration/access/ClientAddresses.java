package kr.madang.registration.access;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Who the client is: the connecting address, unless that is one of the configured reverse proxies, in which case
 * {@code X-Forwarded-For} is read from the right (each proxy appends the address it saw), skipping the entries that are
 * themselves trusted proxies; the first one that is not is the client. With no trusted proxies (the default) the
 * header is ignored altogether: anyone can send it. Plain Java; the servlet filter applies it to every request.
 */
public final class ClientAddresses {

    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

    private record Cidr(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }

    private final List<Cidr> trusted;

    /** {@code trustedProxies}: addresses or CIDR blocks (IPv4 or IPv6), e.g. {@code 10.0.0.0/8, 192.0.2.7}. */
    public ClientAddresses(List<String> trustedProxies) {
        List<Cidr> parsed = new ArrayList<>();
        for (String entry : trustedProxies) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            int slash = e.indexOf('/');
            byte[] network = parse(slash < 0 ? e : e.substring(0, slash));
            if (network == null) {
                throw new IllegalArgumentException("madang.registration.trusted-proxies: not an address: " + e);
            }
            int prefix = network.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(e.substring(slash + 1));
                } catch (NumberFormatException notANumber) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException("madang.registration.trusted-proxies: bad prefix: " + e);
                }
            }
            parsed.add(new Cidr(network, prefix));
        }
        this.trusted = List.copyOf(parsed);
    }

    public boolean trusts(String address) {
        byte[] bytes = parse(address);
        return bytes != null && trusted.stream().anyMatch(c -> c.contains(bytes));
    }

    /** The client's address, from the connection's and the {@code X-Forwarded-For} header (may be null). */
    public String clientOf(String remoteAddress, String forwardedFor) {
        if (trusted.isEmpty() || !trusts(remoteAddress) || forwardedFor == null || forwardedFor.isBlank()) {
            return remoteAddress;
        }
        String[] hops = forwardedFor.split(",");
        String client = remoteAddress;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (parse(hop) == null) {
                return client; // garbage where an address should be: stop at the last one a trusted proxy vouched for
            }
            client = hop;
            if (!trusts(hop)) {
                return hop;
            }
        }
        return client;
    }

    /** An IP literal's bytes, never a DNS lookup; null when the text is not one. */
    private static byte[] parse(String text) {
        if (text == null || text.isEmpty() || !LITERAL.matcher(text).matches()) {
            return null;
        }
        if (text.indexOf(':') >= 0) {
            try {
                return InetAddress.getByName(text).getAddress(); // an IPv6 literal: parsed, never looked up
            } catch (UnknownHostException e) {
                return null;
            }
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 3 || !parts[i].chars().allMatch(Character::isDigit)) {
                return null;
            }
            int value = Integer.parseInt(parts[i]);
            if (value > 255) {
                return null;
            }
            bytes[i] = (byte) value;
        }
        return bytes;
    }
}
