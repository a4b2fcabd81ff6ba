package org.stargatekg.support;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Locates test fixtures under {@code src/test/resources/fixtures/}. */
public final class Fixtures {

    private Fixtures() {}

    /** The path of a fixture folder or file, by its name under fixtures/. */
    public static Path path(String name) {
        URL url = Fixtures.class.getClassLoader().getResource("fixtures/" + name);
        if (url == null)
            throw new IllegalArgumentException("No fixture named " + name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
