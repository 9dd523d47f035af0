package io.upwatch.monitoringworker.probe;

import io.upwatch.common.FailureKind;
import io.upwatch.common.probe.DnsQuery;
import io.upwatch.common.probe.DnsQuery.RecordType;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.naming.NameNotFoundException;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.InitialDirContext;

/**
 * A DNS check: the name resolves and, when an expected value is given, one answer equals it. A and
 * AAAA go through the system resolver (hosts file, then the configured DNS servers), as the names
 * of HTTP and TCP checks do; CNAME, MX and TXT are asked of the system's DNS servers (from
 * /etc/resolv.conf) with the JDK's DNS provider. Nothing is sent to the answers, so the outbound
 * policy has nothing to forbid here.
 */
final class DnsProber {

  private static final int MAX_SHOWN = 3;

  ProbeOutcome probe(String name, Duration timeout, DnsQuery query) throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    RecordType type = query == null ? RecordType.A : query.type();
    String expected = query == null ? null : query.expected();
    try {
      List<String> answers =
          switch (type) {
            case A, AAAA -> addresses(name, type, deadline);
            default -> records(name, type, deadline);
          };
      if (answers.isEmpty()) {
        return ProbeOutcome.failed(FailureKind.DNS, since(start), "no " + type + " record");
      }
      if (expected != null && answers.stream().noneMatch(answer -> same(type, answer, expected))) {
        return ProbeOutcome.failed(
            FailureKind.DNS,
            since(start),
            type + " answers " + answers.stream().limit(MAX_SHOWN).toList() + ", not " + expected);
      }
      return new ProbeOutcome(null, null, since(start));
    } catch (UnknownHostException e) {
      return ProbeOutcome.failed(FailureKind.DNS, since(start), name + " did not resolve");
    } catch (TimeoutException e) {
      return ProbeOutcome.failed(FailureKind.TIMEOUT, since(start));
    }
  }

  private static List<String> addresses(String name, RecordType type, long deadline)
      throws UnknownHostException, TimeoutException, InterruptedException {
    Class<? extends InetAddress> family =
        type == RecordType.A ? Inet4Address.class : Inet6Address.class;
    return Lookups.addresses(name, deadline).stream()
        .filter(family::isInstance)
        .map(InetAddress::getHostAddress)
        .toList();
  }

  private static List<String> records(String name, RecordType type, long deadline)
      throws UnknownHostException, TimeoutException, InterruptedException {
    long remainingMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    return Lookups.within(() -> query(name, type, remainingMillis), deadline);
  }

  private static List<String> query(String name, RecordType type, long timeoutMillis) {
    var environment = new Hashtable<String, String>();
    environment.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory");
    environment.put("java.naming.provider.url", "dns:");
    environment.put("com.sun.jndi.dns.timeout.initial", Long.toString(timeoutMillis));
    environment.put("com.sun.jndi.dns.timeout.retries", "1");
    try {
      var context = new InitialDirContext(environment);
      try {
        Attribute attribute =
            context.getAttributes(name, new String[] {type.name()}).get(type.name());
        List<String> answers = new ArrayList<>();
        for (int i = 0; attribute != null && i < attribute.size(); i++) {
          answers.add(String.valueOf(attribute.get(i)));
        }
        return answers;
      } finally {
        context.close();
      }
    } catch (NameNotFoundException e) {
      throw new Lookups.LookupFailed(new UnknownHostException(name));
    } catch (NamingException e) {
      throw new Lookups.LookupFailed(new UnknownHostException(name + ": " + e.getMessage()));
    }
  }

  // Answers compare without case, quotes or a trailing dot; an MX answer also matches its host
  // alone (without the preference).
  static boolean same(RecordType type, String answer, String expected) {
    String a = normalize(answer);
    String e = normalize(expected);
    if (a.equals(e)) {
      return true;
    }
    if (type == RecordType.MX && a.contains(" ")) {
      return a.substring(a.indexOf(' ') + 1).equals(e);
    }
    // IPv6 has several spellings of one address; literals parse without a lookup.
    if (type == RecordType.AAAA && e.matches("[0-9a-f:.]+")) {
      try {
        return InetAddress.getByName(a).equals(InetAddress.getByName(e));
      } catch (UnknownHostException notAnAddress) {
        return false;
      }
    }
    return false;
  }

  private static String normalize(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
      v = v.substring(1, v.length() - 1);
    }
    return v.endsWith(".") ? v.substring(0, v.length() - 1) : v;
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }
}
