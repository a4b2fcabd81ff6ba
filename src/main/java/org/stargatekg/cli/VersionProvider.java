package org.stargatekg.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven wrote into {@code stargate-kg.properties} at build time. */
final class VersionProvider implements IVersionProvider {

    /** Returns "stargate-kg VERSION", or "unknown" as the version if the build did not record one. */
    @Override
    public String[] getVersion() {
        Properties props = new Properties();
        try (InputStream in = VersionProvider.class.getClassLoader().getResourceAsStream("stargate-kg.properties")) {
            if (in != null)
                props.load(in);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return new String[] { "stargate-kg " + props.getProperty("version", "unknown") };
    }
}
