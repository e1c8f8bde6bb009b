package io.nbci.localcluster;

/** The backend contract on the embedded backend: the services in a child JVM on this machine. */
public class EmbeddedBackendIT extends AbstractClusterBackendContractIT {

    @Override
    protected ClusterBackend backend() {
        return new EmbeddedBackend();
    }
}
