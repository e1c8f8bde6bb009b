package io.nbci.localcluster;

import org.junit.BeforeClass;

/**
 * The backend contract on the docker backend: the same launcher in nbci's cluster image, through
 * the Docker API (here podman's, started by scripts/podman-service.sh).
 */
public class DockerBackendIT extends AbstractClusterBackendContractIT {

    @BeforeClass
    public static void requireDocker() {
        DockerTestSupport.assumeDocker();
    }

    @Override
    protected ClusterBackend backend() {
        return new DockerBackend().withDockerHost(DockerTestSupport.dockerHost());
    }
}
