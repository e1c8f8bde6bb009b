package io.nbci.launch;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystems;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The rules every plugin form and every launch config builder use, so the Jenkins form, the
 * Bamboo form and {@code build()} of the config records agree. Each rule takes the raw
 * text a user typed and answers with a host-neutral {@link Check}; blank values are OK
 * where the field is optional (the caller checks {@link #required} first).
 *
 * <pre>{@code
 * Check check = Validation.timeoutSeconds(value);   // "expected a whole number of seconds ..."
 * }</pre>
 */
public final class Validation {
    /** Longest timeout a form accepts: one week. */
    public static final long MAX_TIMEOUT_SECONDS = 7L * 24 * 3600;
    /** Most parallel kernels a step may ask for. */
    public static final int MAX_JOBS = 64;
    /** Schemes a deploy target's filesystem URI may have. */
    public static final Set<String> FILESYSTEM_SCHEMES = Set.of("hdfs", "webhdfs", "swebhdfs", "viewfs", "file");
    /** Schemes of build links and API base URLs. */
    public static final Set<String> WEB_SCHEMES = Set.of("http", "https");
    /** Commit status providers the {@code nbci status} command knows. */
    public static final List<String> PROVIDERS = List.of("github", "bitbucket-server", "bitbucket-cloud", "gitlab");

    private static final Pattern TARGET_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern PYTHON_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,9}");
    private static final Pattern PERMISSION = Pattern.compile("0?[0-7]{3}");
    private static final Pattern PRINCIPAL = Pattern.compile("[^\\s/@]+(/[^\\s/@]+)?@[^\\s/@]+");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9_.][A-Za-z0-9_.@$-]{0,63}");
    private static final Pattern SHA = Pattern.compile("[0-9a-fA-F]{7,40}");
    private static final Pattern REPOSITORY = Pattern.compile("[0-9]+|[^\\s/]+(/[^\\s/]+)+");
    private static final Pattern CONTEXT = Pattern.compile("[\\p{Alnum} ._/:()\\[\\]-]+");
    private static final Pattern KERNEL = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern RELEASE_VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Set<String> PYTHON_KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert",
            "async", "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally",
            "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass",
            "raise", "return", "try", "while", "with", "yield");

    private Validation() {
    }

    public static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** A field that must be filled in. */
    public static Check required(String value, String what) {
        return isBlank(value) ? Check.error("required: enter " + what) : Check.ok();
    }

    /** A deploy target name as {@code nbci deploy --target NAME} takes it. */
    public static Check targetName(String value) {
        if (isBlank(value)) {
            return Check.error("required: enter the target's name, e.g. prod");
        }
        if (!TARGET_NAME.matcher(value.strip()).matches()) {
            return Check.error("expected letters, digits, '.', '_' or '-' (at most 64, starting with a letter or "
                    + "digit), found \"" + value + "\"");
        }
        return Check.ok();
    }

    /** A URI whose scheme is one of {@code schemes}; hosts are required except for file URIs. */
    public static Check uri(String value, Set<String> schemes) {
        if (isBlank(value)) {
            return Check.ok();
        }
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            return Check.error("not a valid URI: " + e.getReason() + " at index " + e.getIndex() + " in \""
                    + value + "\"");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null || !schemes.contains(scheme)) {
            return Check.error("expected a URI starting with " + String.join("://, ", sorted(schemes))
                    + "://, found \"" + value + "\"");
        }
        if (!"file".equals(scheme) && (uri.getHost() == null || uri.getHost().isEmpty())) {
            return Check.error("expected a host name in \"" + value + "\", e.g. " + scheme + "://namenode:8020");
        }
        if (uri.getUserInfo() != null) {
            return Check.error("do not put user names or passwords in the URI; use the credential fields");
        }
        return Check.ok();
    }

    /** A deploy target's filesystem URI: a {@link #FILESYSTEM_SCHEMES} URI without a path (that goes in the base path). */
    public static Check deployUri(String value) {
        Check check = uri(value, FILESYSTEM_SCHEMES);
        if (check.isError() || isBlank(value)) {
            return check;
        }
        String path = URI.create(value.strip()).getPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            return Check.error("put the path in basePath, not in the URI: expected scheme://host:port or file:///, "
                    + "found \"" + value.strip() + "\"");
        }
        return Check.ok();
    }

    /** An absolute path on the deploy target's filesystem, such as {@code /apps/jobs/imagescore}. */
    public static Check absolutePath(String value) {
        if (isBlank(value)) {
            return Check.ok();
        }
        String path = value.strip();
        if (!path.startsWith("/")) {
            return Check.error("expected an absolute path starting with '/', found \"" + value + "\"");
        }
        if (path.equals("/")) {
            return Check.error("expected a folder below '/', not the filesystem root");
        }
        if (hasDotDot(path)) {
            return Check.error("'..' is not allowed in \"" + value + "\"");
        }
        return Check.ok();
    }

    /** A path inside the build's workspace (relative, never escaping it). */
    public static Check workspacePath(String value) {
        if (isBlank(value)) {
            return Check.ok();
        }
        String path = value.strip();
        if (path.startsWith("/") || path.startsWith("\\") || path.matches("[A-Za-z]:[\\\\/].*")) {
            return Check.error("expected a path relative to the workspace, found the absolute path \"" + value
                    + "\"");
        }
        if (hasDotDot(path)) {
            return Check.error("'..' would leave the workspace: \"" + value + "\"");
        }
        return Check.ok();
    }

    /** A file glob relative to the workspace, as {@code nbci run-all} and {@code nbci test} take them. */
    public static Check glob(String value) {
        if (isBlank(value)) {
            return Check.ok();
        }
        Check path = workspacePath(value);
        if (path.isError()) {
            return path;
        }
        try {
            FileSystems.getDefault().getPathMatcher("glob:" + value.strip());
        } catch (PatternSyntaxException e) {
            return Check.error("not a valid glob: " + e.getDescription() + " at index " + e.getIndex() + " in \""
                    + value + "\"");
        }
        return Check.ok();
    }

    /** What "Run notebooks" runs: a notebook, a folder or a glob, required. */
    public static Check notebookInput(String value) {
        Check required = required(value, "a notebook, a folder or a glob such as notebooks/**/*.ipynb");
        return required.isError() ? required : glob(value);
    }

    /** A release id for {@code nbci deploy --version}; blank means the git commit. */
    public static Check releaseVersion(String value) {
        if (isBlank(value) || RELEASE_VERSION.matcher(value.strip()).matches()) {
            return Check.ok();
        }
        return Check.error("expected letters, digits, '.', '_' or '-' (a release id such as 1.4.2 or a commit), "
                + "found \"" + value + "\"");
    }

    /**
     * The HiveServer2 JDBC URL of an existing cluster ({@code nbci test --backend external}):
     * required, {@code jdbc:hive2://}, and without a password (it would be shown in the build log).
     */
    public static Check hiveJdbcUrl(String value) {
        Check required = required(value, "the HiveServer2 JDBC URL of the existing cluster");
        if (required.isError()) {
            return required;
        }
        if (!value.strip().startsWith("jdbc:hive2://")) {
            return Check.error("expected a URL starting with jdbc:hive2://, found \"" + value + "\"");
        }
        if (value.toLowerCase(Locale.ROOT).contains("password=")) {
            return Check.error("do not put a password in the JDBC URL; it would be shown in the build log");
        }
        return Check.ok();
    }

    /** Files, folders or globs separated by commas or new lines, as {@code nbci test} takes them: each a {@link #glob}. */
    public static Check globs(String list) {
        for (String path : Fields.list(list)) {
            Check check = glob(path);
            if (check.isError()) {
                return check;
            }
        }
        return Check.ok();
    }

    /** A timeout in whole seconds, 1 to one week; blank means the command's default. */
    public static Check timeoutSeconds(String value) {
        return wholeNumber(value, 1, MAX_TIMEOUT_SECONDS, "seconds");
    }

    /** Number of notebooks run in parallel. */
    public static Check jobs(String value) {
        return wholeNumber(value, 1, MAX_JOBS, "parallel kernels");
    }

    /** Number of releases a deploy target keeps: at least 2 (the live release and the one before it). */
    public static Check retention(String value) {
        return wholeNumber(value, 2, 10_000, "releases (the live release and the one before it are always kept)");
    }

    /** Octal permission bits such as {@code 750}. */
    public static Check permission(String value) {
        if (isBlank(value) || PERMISSION.matcher(value.strip()).matches()) {
            return Check.ok();
        }
        return Check.error("expected octal permission bits such as 750 or 0755, found \"" + value + "\"");
    }

    /** A Kerberos principal, {@code primary[/instance]@REALM}. */
    public static Check principal(String value) {
        if (isBlank(value) || PRINCIPAL.matcher(value.strip()).matches()) {
            return Check.ok();
        }
        return Check.error("expected a Kerberos principal such as etl/host.example.com@EXAMPLE.COM, found \""
                + value + "\"");
    }

    /** An HDFS user name for simple authentication. */
    public static Check user(String value) {
        if (isBlank(value) || USER.matcher(value.strip()).matches()) {
            return Check.ok();
        }
        return Check.error("expected a user name (letters, digits, '.', '_', '-', '@', '$'), found \"" + value + "\"");
    }

    /** A notebook parameter name: a Python identifier that is not a keyword. */
    public static Check parameterName(String value) {
        if (isBlank(value)) {
            return Check.error("required: enter the parameter's name");
        }
        String name = value.strip();
        if (!PYTHON_IDENTIFIER.matcher(name).matches() || PYTHON_KEYWORDS.contains(name)) {
            return Check.error("expected a Python variable name such as run_date, found \"" + value + "\"");
        }
        return Check.ok();
    }

    /** A kernel name as Jupyter kernelspec folders are named. */
    public static Check kernelName(String value) {
        if (isBlank(value) || KERNEL.matcher(value.strip()).matches()) {
            return Check.ok();
        }
        return Check.error("expected a kernelspec name such as python3, found \"" + value + "\"");
    }

    /** The name of a commit status (GitHub context, Bitbucket key, GitLab name). */
    public static Check contextName(String value) {
        if (isBlank(value)) {
            return Check.error("required: enter the status name branch protection requires, e.g. nbci/notebooks");
        }
        String context = value.strip();
        if (context.length() > 100) {
            return Check.error("expected at most 100 characters, found " + context.length());
        }
        if (!CONTEXT.matcher(context).matches()) {
            return Check.error("expected letters, digits, spaces and . _ / : ( ) [ ] -, found \"" + value + "\"");
        }
        return Check.ok();
    }

    /** A status provider name. */
    public static Check provider(String value) {
        if (isBlank(value)) {
            return Check.error("required: choose one of " + String.join(", ", PROVIDERS));
        }
        if (!PROVIDERS.contains(value.strip())) {
            return Check.error("expected one of " + String.join(", ", PROVIDERS) + ", found \"" + value + "\"");
        }
        return Check.ok();
    }

    /** A commit SHA; blank means detected from git and the CI variables. */
    public static Check sha(String value) {
        if (isBlank(value) || SHA.matcher(value.strip()).matches()) {
            return Check.ok();
        }
        return Check.error("expected 7 to 40 hexadecimal digits, found \"" + value + "\"");
    }

    /** A repository: OWNER/NAME (GitLab groups may nest; a numeric GitLab project id is fine). */
    public static Check repository(String value) {
        if (isBlank(value) || REPOSITORY.matcher(value.strip()).matches()) {
            return Check.ok();
        }
        return Check.error("expected OWNER/NAME (or a GitLab project id), found \"" + value + "\"");
    }

    /** An environment variable name, for the secrets a step hands over. */
    public static Check environmentVariable(String value) {
        if (isBlank(value) || value.strip().matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return Check.ok();
        }
        return Check.error("expected an environment variable name such as GITHUB_TOKEN, found \"" + value + "\"");
    }

    private static Check wholeNumber(String value, long min, long max, String unit) {
        if (isBlank(value)) {
            return Check.ok();
        }
        String text = value.strip();
        if (!WHOLE_NUMBER.matcher(text).matches() || Long.parseLong(text) < min || Long.parseLong(text) > max) {
            return Check.error("expected a whole number of " + unit + " between " + min + " and " + max
                    + ", found \"" + value + "\"");
        }
        return Check.ok();
    }

    private static boolean hasDotDot(String path) {
        for (String segment : path.split("[/\\\\]")) {
            if (segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
