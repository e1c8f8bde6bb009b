import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The benchmark's workload (run with java's single-file launcher on the cluster runtime's
 * classpath, which holds hive-jdbc): a database, a table, an insert (a local MapReduce job), a
 * grouped select. Prints the time of each step.
 */
public class HiveWork {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        try (Connection c = DriverManager.getConnection(url, "nbci", ""); Statement s = c.createStatement()) {
            String[] sql = {
                "CREATE DATABASE bench",
                "CREATE TABLE bench.t (k STRING, v INT)",
                "INSERT INTO bench.t VALUES ('a', 1), ('b', 2), ('a', 3)",
                "SELECT k, SUM(v) FROM bench.t GROUP BY k ORDER BY k",
            };
            for (String statement : sql) {
                long t0 = System.nanoTime();
                boolean rows = s.execute(statement);
                StringBuilder out = new StringBuilder();
                if (rows) {
                    try (ResultSet rs = s.getResultSet()) {
                        while (rs.next()) {
                            out.append(rs.getString(1)).append('=').append(rs.getString(2)).append(' ');
                        }
                    }
                }
                System.out.printf("  %-55s %6d ms %s%n", statement, (System.nanoTime() - t0) / 1_000_000, out);
            }
        }
    }
}
