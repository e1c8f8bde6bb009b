package io.nbci.bamboo;

/**
 * The keys Bamboo knows the plugin and its tasks by. They appear in {@code atlassian-plugin.xml},
 * in stored plans, in exported Bamboo Specs ({@code AtlassianModule("io.nbci.bamboo:nbci-notebooks")})
 * and in deployment projects, so they never change.
 */
public final class NbciPluginKeys {
    /** The plugin key ({@code atlassian-plugin key="..."}). */
    public static final String PLUGIN_KEY = "io.nbci.bamboo";

    /** Runs notebooks headless and collects their JUnit results (build plans). */
    public static final String NOTEBOOKS_TASK = "nbci-notebooks";
    /** Runs integration scenarios on a local Hive/HDFS and collects their JUnit results (build plans). */
    public static final String SCENARIOS_TASK = "nbci-scenarios";
    /** Deploys a folder to a named HDFS target (build plans and deployment projects). */
    public static final String DEPLOY_TASK = "nbci-deploy";
    /** Posts a commit status: pending, or the build's outcome so far as a final task. */
    public static final String STATUS_TASK = "nbci-status";

    private NbciPluginKeys() {
    }

    /** The complete module key Bamboo stores for a task, e.g. {@code io.nbci.bamboo:nbci-deploy}. */
    public static String moduleKey(String taskKey) {
        return PLUGIN_KEY + ":" + taskKey;
    }
}
