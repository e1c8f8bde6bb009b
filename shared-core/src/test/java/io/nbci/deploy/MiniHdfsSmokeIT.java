package io.nbci.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.Test;

public class MiniHdfsSmokeIT {
    @Test
    public void shouldWriteOverHdfsAndWebHdfs() throws Exception {
        try (MiniHdfs hdfs = MiniHdfs.start(new File("target/minidfs-smoke"))) {
            for (java.net.URI uri : new java.net.URI[] {hdfs.hdfsUri(), hdfs.webHdfsUri()}) {
                FileSystem fs = FileSystem.newInstance(uri, new Configuration());
                Path p = new Path("/smoke/" + uri.getScheme());
                try (FSDataOutputStream out = fs.create(p, false)) {
                    out.write("hi".getBytes(StandardCharsets.UTF_8));
                }
                assertThat(fs.getFileStatus(p).getLen()).isEqualTo(2);
                assertThat(fs.rename(new Path("/smoke/" + uri.getScheme()), new Path("/smoke/r-" + uri.getScheme()))).isTrue();
                System.out.println(uri + " checksum " + fs.getFileChecksum(new Path("/smoke/r-" + uri.getScheme())));
                fs.close();
            }
        }
    }
}
