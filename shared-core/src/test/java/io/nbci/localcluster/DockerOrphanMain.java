package io.nbci.localcluster;

/**
 * A JVM that starts a Graphite-only cluster in a container, prints its working folder, then waits
 * to be killed: the owner that {@link DockerContainersIT}'s prune test kills with SIGKILL.
 */
public final class DockerOrphanMain {
    private DockerOrphanMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalCluster cluster = new LocalCluster().withServices(ClusterService.GRAPHITE).withMemory("64m")
                .withBackend(new DockerBackend().withDockerHost(args[0])).start();
        System.out.println("CLUSTER " + ((DockerHandle) cluster.handle()).containerId());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
