package io.nbci.notebook;

import io.nbci.config.ConfigNode;
import io.nbci.config.ProjectConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which notebook goes with which script. Rules come from the {@code pairs:} section of
 * {@code nbci.yaml}, one glob pair per item, the wildcards of one side filling those of the
 * other:
 *
 * <pre>
 * pairs:
 *   - notebooks/**&#47;*.ipynb &lt;-&gt; jobs/**&#47;*.py
 * </pre>
 *
 * <p>A file no rule matches (and every file when there are no rules) pairs with the file of
 * the same stem in the same folder: {@code score.ipynb} with {@code score.py}.
 */
public final class Pairing {
    private static final Set<String> SKIPPED_FOLDERS = Set.of("target", "node_modules", "__pycache__", "venv");

    private final Path root;
    private final List<Rule> rules;
    private final List<Glob> ignored;

    private Pairing(Path root, List<Rule> rules, List<Glob> ignored) {
        this.root = root.toAbsolutePath().normalize();
        this.rules = List.copyOf(rules);
        this.ignored = List.copyOf(ignored);
    }

    /** Same stem, same folder. */
    public static Pairing sameFolder(Path root) {
        return new Pairing(root, List.of(), List.of());
    }

    /**
     * Rules from the {@code pairs:} section: a list of {@code "A <-> B"} strings (one side a
     * {@code .ipynb} glob, the other a {@code .py} glob with the same wildcards in the same
     * order), or a mapping with {@code rules:} (that list) and {@code ignore:} (globs of files
     * that are not paired, e.g. test fixtures). Errors name the file, line and item.
     */
    public static Pairing fromConfig(Path root, ConfigNode pairs) {
        ConfigNode ruleList = pairs;
        List<Glob> ignored = new ArrayList<>();
        if (pairs.isMap()) {
            pairs.allowOnlyKeys("rules", "ignore");
            ruleList = pairs.get("rules");
            for (ConfigNode item : pairs.get("ignore").items()) {
                if (!item.isScalar() || item.asString().isBlank()) {
                    throw item.error("expected a glob of files to leave unpaired, e.g. \"src/test/resources/**\"");
                }
                ignored.add(Glob.compile(item.asString().strip()));
            }
        } else if (!pairs.isAbsent() && !pairs.isList()) {
            throw pairs.error("expected a list of \"<notebook glob> <-> <script glob>\" rules, or a mapping with rules: and ignore:");
        }
        List<Rule> rules = new ArrayList<>();
        for (ConfigNode item : ruleList.items()) {
            rules.add(Rule.parse(item));
        }
        return new Pairing(root, rules, ignored);
    }

    /**
     * The pairing of the project that {@code paths} are in: the {@code pairs:} section of the
     * {@code nbci.yaml} {@link ProjectConfig#discover found} from the first path (its folder when
     * it is a file), or from the working directory when no path is given.
     */
    public static Pairing discover(List<Path> paths) {
        Path start = Path.of("");
        if (!paths.isEmpty()) {
            Path first = paths.get(0).toAbsolutePath().normalize();
            start = Files.isDirectory(first) || first.getParent() == null ? first : first.getParent();
        }
        ProjectConfig config = ProjectConfig.discover(start);
        return fromConfig(config.root(), config.section("pairs"));
    }

    /** True when the file matches one of the {@code ignore:} globs. */
    public boolean isIgnored(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (ignored.isEmpty() || !absolute.startsWith(root)) {
            return false;
        }
        String relative = root.relativize(absolute).toString().replace('\\', '/');
        for (Glob glob : ignored) {
            if (glob.match(relative).isPresent()) {
                return true;
            }
        }
        return false;
    }

    public Path root() {
        return root;
    }

    public List<Rule> rules() {
        return rules;
    }

    /** One glob pair: notebooks matching {@code notebookGlob} pair with scripts at {@code scriptGlob}. */
    public static final class Rule {
        private final String notebookGlob;
        private final String scriptGlob;
        private final Glob notebook;
        private final Glob script;

        private Rule(String notebookGlob, String scriptGlob, Glob notebook, Glob script) {
            this.notebookGlob = notebookGlob;
            this.scriptGlob = scriptGlob;
            this.notebook = notebook;
            this.script = script;
        }

        static Rule parse(ConfigNode item) {
            if (!item.isScalar()) {
                throw item.error("expected \"<notebook glob> <-> <script glob>\", e.g. \"notebooks/**/*.ipynb <-> jobs/**/*.py\"");
            }
            String text = item.asString();
            String[] sides = text.split("<->", -1);
            if (sides.length != 2 || sides[0].isBlank() || sides[1].isBlank()) {
                throw item.error("expected \"<notebook glob> <-> <script glob>\", found \"" + text + "\"");
            }
            String left = sides[0].strip();
            String right = sides[1].strip();
            String notebookSide;
            String scriptSide;
            if (left.endsWith(".ipynb") && right.endsWith(".py")) {
                notebookSide = left;
                scriptSide = right;
            } else if (right.endsWith(".ipynb") && left.endsWith(".py")) {
                notebookSide = right;
                scriptSide = left;
            } else {
                throw item.error("one side must end in .ipynb and the other in .py, found \"" + text + "\"");
            }
            Glob notebook = Glob.compile(notebookSide);
            Glob script = Glob.compile(scriptSide);
            if (!notebook.wildcards.equals(script.wildcards)) {
                throw item.error("both sides need the same wildcards in the same order (found " + notebook.wildcards
                        + " in \"" + notebookSide + "\" and " + script.wildcards + " in \"" + scriptSide + "\")");
            }
            return new Rule(notebookSide, scriptSide, notebook, script);
        }

        public String notebookGlob() {
            return notebookGlob;
        }

        public String scriptGlob() {
            return scriptGlob;
        }

        @Override
        public String toString() {
            return notebookGlob + " <-> " + scriptGlob;
        }
    }

    /** A glob as a regular expression with one group per wildcard, and as a template to fill. */
    private static final class Glob {
        final Pattern pattern;
        final List<String> parts;
        final List<String> wildcards;

        private Glob(Pattern pattern, List<String> parts, List<String> wildcards) {
            this.pattern = pattern;
            this.parts = parts;
            this.wildcards = wildcards;
        }

        static Glob compile(String glob) {
            StringBuilder regex = new StringBuilder();
            List<String> parts = new ArrayList<>();
            List<String> wildcards = new ArrayList<>();
            StringBuilder literal = new StringBuilder();
            int i = 0;
            while (i < glob.length()) {
                String wildcard = null;
                if (glob.startsWith("**/", i)) {
                    wildcard = "**/";
                } else if (glob.startsWith("**", i)) {
                    wildcard = "**";
                } else if (glob.charAt(i) == '*') {
                    wildcard = "*";
                } else if (glob.charAt(i) == '?') {
                    wildcard = "?";
                }
                if (wildcard == null) {
                    literal.append(glob.charAt(i));
                    i++;
                    continue;
                }
                regex.append(Pattern.quote(literal.toString()));
                parts.add(literal.toString());
                literal.setLength(0);
                switch (wildcard) {
                    case "**/": regex.append("((?:[^/]+/)*)"); break;
                    case "**": regex.append("(.*)"); break;
                    case "*": regex.append("([^/]*)"); break;
                    default: regex.append("([^/])"); break;
                }
                wildcards.add(wildcard);
                i += wildcard.length();
            }
            regex.append(Pattern.quote(literal.toString()));
            parts.add(literal.toString());
            return new Glob(Pattern.compile(regex.toString()), parts, wildcards);
        }

        Optional<List<String>> match(String path) {
            Matcher matcher = pattern.matcher(path);
            if (!matcher.matches()) {
                return Optional.empty();
            }
            List<String> groups = new ArrayList<>();
            for (int g = 1; g <= matcher.groupCount(); g++) {
                groups.add(matcher.group(g));
            }
            return Optional.of(groups);
        }

        String fill(List<String> groups) {
            StringBuilder out = new StringBuilder(parts.get(0));
            for (int g = 0; g < groups.size(); g++) {
                out.append(groups.get(g)).append(parts.get(g + 1));
            }
            return out.toString();
        }
    }

    /** The twin of a notebook or script (which may not exist), or empty for other files. */
    public Optional<Path> twinOf(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        String name = absolute.getFileName().toString();
        boolean notebook = name.endsWith(".ipynb");
        if (!notebook && !name.endsWith(".py")) {
            return Optional.empty();
        }
        if (absolute.startsWith(root)) {
            String relative = root.relativize(absolute).toString().replace('\\', '/');
            for (Rule rule : rules) {
                Glob from = notebook ? rule.notebook : rule.script;
                Glob to = notebook ? rule.script : rule.notebook;
                Optional<List<String>> groups = from.match(relative);
                if (groups.isPresent()) {
                    return Optional.of(root.resolve(to.fill(groups.get())).normalize());
                }
            }
        }
        String stem = name.substring(0, name.lastIndexOf('.'));
        return Optional.of(absolute.resolveSibling(stem + (notebook ? ".py" : ".ipynb")));
    }

    /** A notebook and its script. */
    public record Pair(Path notebook, Path script) {
    }

    /** What a scan found: pairs whose both files exist, and files whose twin is missing. */
    public record Scan(List<Pair> pairs, List<Path> unpairedNotebooks, List<Path> unpairedScripts) {
        public Scan {
            pairs = List.copyOf(pairs);
            unpairedNotebooks = List.copyOf(unpairedNotebooks);
            unpairedScripts = List.copyOf(unpairedScripts);
        }
    }

    /**
     * Finds the pairs under the given files and folders (the root when none). A folder is
     * walked, skipping hidden folders, {@code target}, {@code node_modules}, {@code __pycache__}
     * and {@code venv}. A {@code .py} counts as a notebook script only when it has a twin or
     * looks like one (a {@code # %%} marker or a jupytext header); other Python files are ignored.
     */
    public Scan scan(List<Path> paths) {
        List<Path> starts = paths.isEmpty() ? List.of(root) : paths;
        Set<Path> files = new TreeSet<>();
        for (Path start : starts) {
            Path absolute = start.toAbsolutePath().normalize();
            if (!Files.exists(absolute)) {
                throw new NotebookException(start + ": no such file or folder");
            }
            if (Files.isDirectory(absolute)) {
                NotebookFiles.walk(absolute, SKIPPED_FOLDERS, NotebookFiles::isNotebookFile, files);
            } else if (NotebookFiles.isNotebookFile(absolute)) {
                files.add(absolute);
            } else {
                throw new NotebookException(start + ": not a notebook (.ipynb) or script (.py)");
            }
        }
        Map<Path, Pair> pairs = new LinkedHashMap<>();
        Set<Path> unpairedNotebooks = new LinkedHashSet<>();
        Set<Path> unpairedScripts = new LinkedHashSet<>();
        for (Path file : files) {
            if (isIgnored(file)) {
                continue;
            }
            boolean notebook = file.getFileName().toString().endsWith(".ipynb");
            Path twin = twinOf(file).orElseThrow();
            if (Files.isRegularFile(twin)) {
                Pair pair = notebook ? new Pair(file, twin) : new Pair(twin, file);
                pairs.putIfAbsent(pair.notebook(), pair);
            } else if (notebook) {
                unpairedNotebooks.add(file);
            } else if (looksLikeNotebookScript(file)) {
                unpairedScripts.add(file);
            }
        }
        return new Scan(new ArrayList<>(pairs.values()), new ArrayList<>(unpairedNotebooks),
                new ArrayList<>(unpairedScripts));
    }

    private static final Pattern SCRIPT_SIGN = Pattern.compile("(?m)^\\s*#\\s*%%|^# jupyter:");

    static boolean looksLikeNotebookScript(Path file) {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            String text = new String(in.readNBytes(1 << 16), java.nio.charset.StandardCharsets.UTF_8);
            return SCRIPT_SIGN.matcher(text).find();
        } catch (IOException e) {
            return false;
        }
    }
}
