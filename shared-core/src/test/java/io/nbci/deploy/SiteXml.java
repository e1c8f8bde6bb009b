package io.nbci.deploy;

/** Hadoop {@code *-site.xml} text for tests. */
final class SiteXml {
    private SiteXml() {
    }

    /** A configuration file with the given name/value pairs, in order. */
    static String of(String... pairs) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<configuration>\n");
        for (int i = 0; i < pairs.length; i += 2) {
            xml.append("  <property><name>").append(pairs[i]).append("</name><value>").append(pairs[i + 1])
                    .append("</value></property>\n");
        }
        return xml.append("</configuration>\n").toString();
    }
}
