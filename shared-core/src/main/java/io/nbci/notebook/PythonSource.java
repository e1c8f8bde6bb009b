package io.nbci.notebook;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What the py:percent format needs to know about Python source lines, following jupytext's
 * documented behaviour: whether a line starts inside a string, which lines are Jupyter magics
 * or shell escapes (commented out in the .py and restored in the notebook), and how many blank
 * lines PEP 8 wants between two cells.
 */
final class PythonSource {
    private static final Pattern MAGIC = Pattern.compile("^\\s*(# |#)*(%|%%|%%%)[a-zA-Z]");
    private static final Pattern FORCE_ESCAPE = Pattern.compile("^\\s*(# |#)*(%|%%|%%%)[a-zA-Z](.*)#\\s*escape");
    private static final Pattern NO_ESCAPE = Pattern.compile("^\\s*(# |#)*(%|%%|%%%)[a-zA-Z](.*)#\\s*noescape");
    private static final Pattern HELP_OR_SHELL = Pattern.compile("^\\s*(# |#)*\\s*(\\?|!)\\s*[A-Za-z.~$\\\\/{}]");
    private static final Pattern SHELL_COMMAND = Pattern.compile(
            "^(# |#)*(cat|cd|cp|mv|rm|rmdir|mkdir|copy|ddir|echo|ls|ldir|ren)($|\\s$|\\s[^=,])");
    private static final Pattern HELP_SUFFIX = Pattern.compile("^\\s*(# )*\\S*\\?\\s*$");
    private static final Pattern MAGIC_ASSIGN = Pattern.compile(
            "^(# |#)*\\s*([a-zA-Z_][a-zA-Z_$0-9]*)\\s*=\\s*(%|%%|%%%|!)[a-zA-Z](.*)");
    private static final Pattern CONTINUED = Pattern.compile("\\\\\\s*$");
    private static final Pattern ESCAPED_CODE_START = Pattern.compile("^(# |#)*(#|# )\\+");

    private PythonSource() {
    }

    /** Tells whether the next line starts inside a Python string (jupytext's StringParser). */
    static final class StringTracker {
        private Character single;
        private Character triple;

        boolean isQuoted() {
            return single != null || triple != null;
        }

        void readLine(String line) {
            if (!isQuoted() && stripLeading(line).startsWith("#")) {
                return;
            }
            int tripleStart = -1;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (single == null && triple == null && c == '#') {
                    break;
                }
                if (c != '"' && c != '\'') {
                    continue;
                }
                if (i > 0 && line.charAt(i - 1) == '\\') {
                    continue;
                }
                if (single != null && single == c) {
                    single = null;
                    continue;
                }
                if (single != null) {
                    continue;
                }
                if (i >= 2 && line.charAt(i - 1) == c && line.charAt(i - 2) == c && i >= tripleStart + 3) {
                    if (triple != null && triple == c) {
                        triple = null;
                        tripleStart = i;
                        continue;
                    }
                    if (triple != null) {
                        continue;
                    }
                    triple = c;
                    tripleStart = i;
                    continue;
                }
                if (triple != null) {
                    continue;
                }
                single = c;
            }
            single = null;
        }
    }

    static String stripLeading(String line) {
        int i = 0;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return line.substring(i);
    }

    static boolean isBlank(String line) {
        return line.strip().isEmpty();
    }

    /** Is this line a (possibly already commented) magic or shell escape that must be commented in a script? */
    static boolean isMagic(String line) {
        if (FORCE_ESCAPE.matcher(line).lookingAt()) {
            return true;
        }
        if (NO_ESCAPE.matcher(line).lookingAt()) {
            return false;
        }
        return MAGIC.matcher(line).lookingAt()
                || HELP_OR_SHELL.matcher(line).lookingAt()
                || MAGIC_ASSIGN.matcher(line).lookingAt()
                || HELP_SUFFIX.matcher(line).lookingAt()
                || SHELL_COMMAND.matcher(line).lookingAt();
    }

    /** Comments out magics (in place) with {@code "# "}, keeping their indentation. */
    static void commentMagics(List<String> lines) {
        escapeMagics(lines, true);
    }

    /** Restores magics commented by {@link #commentMagics}: removes one {@code "# "} (or {@code "#"}). */
    static void uncommentMagics(List<String> lines) {
        escapeMagics(lines, false);
    }

    private static void escapeMagics(List<String> lines, boolean comment) {
        StringTracker strings = new StringTracker();
        boolean continuation = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!strings.isQuoted() && (continuation || isMagic(line))) {
                if (comment) {
                    String body = continuation ? line : stripLeading(line);
                    String indent = line.substring(0, line.length() - body.length());
                    lines.set(i, indent + "# " + body);
                } else {
                    lines.set(i, uncommentOnce(line));
                }
                continuation = CONTINUED.matcher(line).find();
            }
            strings.readLine(line);
        }
    }

    static String uncommentOnce(String line) {
        String body = stripLeading(line);
        String indent = line.substring(0, line.length() - body.length());
        if (body.startsWith("# ")) {
            return indent + body.substring(2);
        }
        if (body.startsWith("#")) {
            return indent + body.substring(1);
        }
        return line;
    }

    /** jupytext un-escapes commented light-format cell starts ({@code # # +}) when it reads code cells. */
    static void unescapeCodeStart(List<String> lines) {
        StringTracker strings = new StringTracker();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!strings.isQuoted() && ESCAPED_CODE_START.matcher(line).lookingAt()) {
                String unescaped = uncommentOnce(line);
                if (ESCAPED_CODE_START.matcher(unescaped).lookingAt()) {
                    lines.set(i, unescaped);
                }
            }
            strings.readLine(line);
        }
    }

    /** Removes {@code "# "} or {@code "#"} from the start of each line (markdown and raw cells). */
    static void uncomment(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("# ")) {
                lines.set(i, line.substring(2));
            } else if (line.startsWith("#")) {
                lines.set(i, line.substring(1));
            }
        }
    }

    // ---- PEP 8 blank lines between cells ----

    /** How many blank lines go between two cells so that the script is PEP 8 (1 or 2; 0 before the first). */
    static int blankLinesBetween(List<String> previous, List<String> next) {
        if (next.isEmpty()) {
            return 1;
        }
        if (previous.isEmpty()) {
            return 0;
        }
        if (endsWithFunctionOrClass(previous)) {
            return hasCode(next) ? 2 : 1;
        }
        if (endsWithCode(previous) && nextIsFunctionOrClass(next)) {
            return 2;
        }
        return 1;
    }

    private static boolean nextIsFunctionOrClass(List<String> lines) {
        StringTracker strings = new StringTracker();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (strings.isQuoted()) {
                strings.readLine(line);
                continue;
            }
            strings.readLine(line);
            if (isBlank(line)) {
                if (i > 0 && isBlank(lines.get(i - 1))) {
                    return false;
                }
                continue;
            }
            if (line.startsWith("def ") || line.startsWith("class ")) {
                return true;
            }
            if (line.startsWith("#") || line.startsWith("@") || line.startsWith(" ") || line.startsWith(")")) {
                continue;
            }
            return false;
        }
        return false;
    }

    private static boolean endsWithFunctionOrClass(List<String> lines) {
        java.util.ArrayList<String> unquoted = new java.util.ArrayList<>();
        StringTracker strings = new StringTracker();
        for (String line : lines) {
            if (!strings.isQuoted()) {
                unquoted.add(line);
            }
            strings.readLine(line);
        }
        for (int k = unquoted.size() - 1, i = 0; k >= 0; k--, i++) {
            String line = unquoted.get(k);
            if (isBlank(line)) {
                if (i > 0 && isBlank(unquoted.get(k + 1))) {
                    return false;
                }
                continue;
            }
            if (line.startsWith("#") || line.startsWith(" ") || line.startsWith(")")) {
                continue;
            }
            return line.startsWith("def ") || line.startsWith("class ");
        }
        return false;
    }

    private static boolean endsWithCode(List<String> lines) {
        if (lines.isEmpty()) {
            return false;
        }
        String last = lines.get(lines.size() - 1);
        return !isBlank(last) && !last.startsWith("#");
    }

    private static boolean hasCode(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String stripped = lines.get(i).strip();
            if (stripped.startsWith("#")) {
                continue;
            }
            if (stripped.isEmpty()) {
                if (i > 0 && isBlank(lines.get(i - 1))) {
                    return false;
                }
                continue;
            }
            return true;
        }
        return false;
    }
}
