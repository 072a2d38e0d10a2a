package org.tashil.spark;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import org.apache.hadoop.conf.Configuration;

/**
 * This machine's disk under a scheme of its own ({@code shared:}, {@code faulty:}): a file system
 * that Hadoop and {@link Locations#local} do not take for the local one, for tests of what the
 * pipeline does on other stores. In all else it is the pipeline's local file system ({@link
 * LocalFileSystemWithoutForks}): {@code scheme:///tmp/…} is {@code /tmp/…}.
 */
public abstract class LocalDiskUnderScheme extends LocalFileSystemWithoutForks.Raw {

  /** The scheme: a constant, as Hadoop asks for the URI while the file system is constructed. */
  @Override
  public abstract String getScheme();

  @Override
  public URI getUri() {
    return URI.create(getScheme() + ":///");
  }

  /** The Hadoop settings that make {@code scheme:} paths use {@code fileSystem}, uncached. */
  public static void install(
      Configuration hadoop, String scheme, Class<? extends LocalDiskUnderScheme> fileSystem) {
    hadoop.set("fs." + scheme + ".impl", fileSystem.getName());
    hadoop.setBoolean("fs." + scheme + ".impl.disable.cache", true);
  }

  /** The {@code scheme:} URI of a local folder. */
  public static String uri(String scheme, java.nio.file.Path folder) {
    return scheme + "://" + folder.toAbsolutePath();
  }

  /** The same disk for Hadoop's {@code FileContext} API, through which Delta commits. */
  public abstract static class ForFileContext
      extends LocalFileSystemWithoutForks.RawForFileContext {

    protected ForFileContext(URI uri, LocalDiskUnderScheme disk, Configuration configuration)
        throws IOException, URISyntaxException {
      super(uri, disk, configuration, disk.getScheme());
    }
  }
}
