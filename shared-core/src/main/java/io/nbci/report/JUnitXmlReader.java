package io.nbci.report;

import io.nbci.common.ExitCode;
import io.nbci.common.NbciException;
import io.nbci.results.CaseResult;
import io.nbci.results.Failure;
import io.nbci.results.Status;
import io.nbci.results.SuiteResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads JUnit XML (the Ant/Surefire dialect that Maven, Gradle, pytest, nbci and most test
 * tools write) into {@link SuiteResult}s of kind {@link SuiteResult.Kind#JUNIT}: one per
 * {@code <testsuite>}, nested suites flattened, {@code <failure>} as FAILED, {@code <error>} as
 * ERROR, {@code <skipped>} as SKIPPED. DTDs and external entities are refused.
 */
public final class JUnitXmlReader {

    private JUnitXmlReader() {
    }

    /** Reads one file; a file that is not JUnit XML is a {@link ExitCode#BAD_INPUT} error naming it. */
    public static List<SuiteResult> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Document document = builder().parse(in, file.toUri().toString());
            Element root = document.getDocumentElement();
            List<SuiteResult> suites = new ArrayList<>();
            if (root.getTagName().equals("testsuite")) {
                collect(root, file, suites);
            } else if (root.getTagName().equals("testsuites")) {
                for (Element suite : children(root, "testsuite")) {
                    collect(suite, file, suites);
                }
            } else {
                throw new NbciException(ExitCode.BAD_INPUT, file + ": not JUnit XML: expected a <testsuites> or"
                        + " <testsuite> root element, found <" + root.getTagName() + ">");
            }
            return suites;
        } catch (SAXException e) {
            throw new NbciException(ExitCode.BAD_INPUT, file + ": not well-formed JUnit XML: " + e.getMessage());
        } catch (IOException e) {
            throw new NbciException(ExitCode.BAD_INPUT, "cannot read JUnit XML " + file + ": " + e.getMessage());
        }
    }

    private static void collect(Element suite, Path file, List<SuiteResult> into) {
        String name = suite.getAttribute("name").isEmpty() ? file.getFileName().toString() : suite.getAttribute("name");
        List<CaseResult> cases = new ArrayList<>();
        for (Element testCase : children(suite, "testcase")) {
            cases.add(toCase(testCase, name));
        }
        into.add(new SuiteResult(name, SuiteResult.Kind.JUNIT, file.toString(), millis(suite.getAttribute("time")),
                cases, List.of(), List.of(), Map.of()));
        for (Element nested : children(suite, "testsuite")) {
            collect(nested, file, into);
        }
    }

    private static CaseResult toCase(Element testCase, String suiteName) {
        String className = testCase.getAttribute("classname").isEmpty() ? suiteName : testCase.getAttribute("classname");
        Status status = Status.PASSED;
        Failure failure = null;
        for (String kind : List.of("failure", "error", "skipped")) {
            List<Element> found = children(testCase, kind);
            if (!found.isEmpty()) {
                Element element = found.get(0);
                status = kind.equals("failure") ? Status.FAILED : kind.equals("error") ? Status.ERROR : Status.SKIPPED;
                String message = element.getAttribute("message");
                String detail = element.getTextContent();
                failure = new Failure(element.getAttribute("type").isEmpty() ? null : element.getAttribute("type"),
                        message.isEmpty() ? null : message, detail == null || detail.isBlank() ? null : detail.strip(),
                        null, null, null);
                break;
            }
        }
        return new CaseResult(testCase.getAttribute("name"), className, status, millis(testCase.getAttribute("time")),
                failure, null, null, List.of());
    }

    private static long millis(String seconds) {
        if (seconds == null || seconds.isBlank()) {
            return 0;
        }
        try {
            return Math.round(Double.parseDouble(seconds.strip().replace(",", "")) * 1000);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element && ((Element) node).getTagName().equals(tag)) {
                found.add((Element) node);
            }
        }
        return found;
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no secure XML parser available", e);
        }
    }
}
