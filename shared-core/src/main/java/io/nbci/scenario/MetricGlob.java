package io.nbci.scenario;

import java.util.regex.Pattern;

/**
 * Graphite-style metric name patterns: {@code *} matches within one dot-separated segment,
 * {@code **} across segments, {@code ?} one character, {@code {a,b}} alternatives. A name
 * without any of these matches only itself. Tagged names ({@code name;tag=value}) match on
 * the name; a pattern with tags must match the tags too, in any order.
 */
public final class MetricGlob {
    private final String pattern;
    private final Pattern name;
    private final java.util.Set<String> tags;

    private MetricGlob(String pattern) {
        this.pattern = pattern;
        String[] parts = pattern.split(";");
        this.name = Pattern.compile(toRegex(parts[0]));
        java.util.Set<String> wanted = new java.util.TreeSet<>();
        for (int i = 1; i < parts.length; i++) {
            wanted.add(parts[i]);
        }
        this.tags = wanted;
    }

    public static MetricGlob of(String pattern) {
        return new MetricGlob(pattern);
    }

    public boolean matches(String metric) {
        String[] parts = metric.split(";");
        if (!name.matcher(parts[0]).matches()) {
            return false;
        }
        if (tags.isEmpty()) {
            return true;
        }
        java.util.Set<String> present = new java.util.HashSet<>(java.util.Arrays.asList(parts).subList(1, parts.length));
        return present.containsAll(tags);
    }

    private static String toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^.]*");
            } else if (c == '?') {
                regex.append("[^.]");
            } else if (c == '{') {
                int end = glob.indexOf('}', i);
                if (end < 0) {
                    regex.append(Pattern.quote("{"));
                    continue;
                }
                regex.append("(?:");
                String[] options = glob.substring(i + 1, end).split(",", -1);
                for (int o = 0; o < options.length; o++) {
                    regex.append(o > 0 ? "|" : "").append(Pattern.quote(options[o]));
                }
                regex.append(')');
                i = end;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
