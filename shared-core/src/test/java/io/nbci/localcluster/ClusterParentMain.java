package io.nbci.localcluster;

/**
 * A JVM that starts a (Graphite-only, so quick) local cluster, prints its process id, port and
 * working folder, then waits to be killed: the parent in {@link LocalClusterLifecycleIT}'s kill -9 test.
 */
public final class ClusterParentMain {
    private ClusterParentMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalCluster cluster = new LocalCluster().withServices(ClusterService.GRAPHITE).withMemory("128m").start();
        System.out.println("CLUSTER " + cluster.pid().getAsLong() + " " + cluster.getGraphitePort() + " "
                + cluster.getWorkingFolder());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
