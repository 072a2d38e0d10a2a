package org.tashil.spark;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import org.apache.hadoop.conf.Configuration;

/**
 * Spark's Hadoop configuration carried to the tasks, so that they open files on the same file
 * system with the same settings (S3 credentials, HDFS name node) as the driver.
 */
public final class HadoopConf implements Serializable {

  private transient Configuration configuration;

  public HadoopConf(Configuration configuration) {
    this.configuration = configuration;
  }

  /**
   * The Hadoop configuration of a command before (or without) Spark: the cluster's {@code
   * *-site.xml} files and every {@code spark.hadoop.*} setting given to the JVM or in the settings
   * file, as Spark itself would apply them; local files through {@link
   * LocalFileSystemWithoutForks}, as in Spark.
   */
  public static Configuration withoutSpark() {
    Configuration configuration = new Configuration();
    LocalFileSystemWithoutForks.settings().forEach(configuration::set);
    System.getProperties()
        .stringPropertyNames()
        .forEach(
            name -> {
              if (name.startsWith("spark.hadoop.")) {
                configuration.set(
                    name.substring("spark.hadoop.".length()), System.getProperty(name));
              }
            });
    return configuration;
  }

  public Configuration configuration() {
    return configuration;
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    out.defaultWriteObject();
    configuration.write(out);
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    configuration = new Configuration(false);
    configuration.readFields(in);
  }
}
