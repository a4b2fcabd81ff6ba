package org.stargatekg.web;

import java.util.List;
import java.util.Locale;

import org.stargatekg.describe.DatasetDescriptions;
import org.stargatekg.describe.Dumps;

/** The whole-dataset dumps as pages link them: each with its format, media type and size, beside the VoID description. */
public final class Downloads {

    /** One dump: link, format name, media type, what it holds, and its size in bytes (-1: not yet known) and for reading. */
    public record Download(String href, String format, String mediaType, String title, long bytes, String size) {}

    /** Where the VoID and DCAT description of the dataset is. */
    public static final String VOID_PATH = DatasetDescriptions.VOID_PATH;

    private final Dumps dumps;

    /** The downloads of the given dumps; a null one offers none (pages then link VoID only). */
    public Downloads(Dumps dumps) {
        this.dumps = dumps;
    }

    /** Every dump with the size of the file served (through an external store, once it has been written). */
    public List<Download> all() {
        if (dumps == null)
            return List.of();
        return Dumps.ALL.stream().map(d -> {
            long bytes = dumps.size(d).orElse(-1);
            String format = PageAnswers.FORMATS.stream().filter(f -> f.mediaType().equals(d.mediaType()))
                    .map(Format::name).findFirst().orElse(d.format().getLang().getLabel());
            return new Download(d.path(), format, d.mediaType(), d.title(), bytes, size(bytes));
        }).toList();
    }

    /** A size for reading ("written when first downloaded" when not known): bytes below 1 KiB, else KiB or MiB with one decimal. */
    static String size(long bytes) {
        if (bytes < 0)
            return "written when first downloaded";
        if (bytes < 1024)
            return bytes + " bytes";
        if (bytes < 1024 * 1024)
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
