package io.nbci.localcluster;

/**
 * A JVM that starts a Graphite-only cluster in a container, prints its working folder, then waits
 * to be killed: the owner that {@link DockerContainersIT}'s prune test kills with SIGKILL. With a
 * second argument {@code exit} it exits normally instead (its shutdown hook must remove the container).
 */
public final class DockerOrphanMain {
    private DockerOrphanMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalCluster cluster = new LocalCluster().withServices(ClusterService.GRAPHITE).withMemory("64m")
                .withBackend(new DockerBackend().withDockerHost(args[0])).start();
        System.out.println("CLUSTER " + ((DockerHandle) cluster.handle()).containerId());
        System.out.flush();
        if (args.length > 1 && args[1].equals("exit")) {
            System.exit(0);
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
