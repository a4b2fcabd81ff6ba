package org.stargatekg.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The text of one article, read byte for byte as UTF-8 and addressed by NIF offsets.
 * <p>
 * NIF offsets count Unicode characters (code points), so slicing goes through code points; for an ASCII
 * article that is the same as {@link String#substring}.
 */
public final class ArticleText {

    private final String text;
    private final int length;

    private ArticleText(String text) {
        this.text = text;
        this.length = text.codePointCount(0, text.length());
    }

    /** Reads a file as strict UTF-8, with no trimming or newline handling, failing if it does not decode exactly. */
    public static ArticleText read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException ex) {
            throw new LoadException("Cannot read article text " + SourceFiles.describe(file) + ": " + ex.getMessage(), ex);
        }
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder()
                                            .onMalformedInput(CodingErrorAction.REPORT)
                                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                                            .decode(ByteBuffer.wrap(bytes))
                                            .toString();
        } catch (CharacterCodingException ex) {
            throw new LoadException("Article text " + SourceFiles.describe(file) + " is not valid UTF-8: " + ex.getMessage(), ex);
        }
        // A round trip proves nothing was replaced or dropped on the way in.
        if (!Arrays.equals(bytes, decoded.getBytes(StandardCharsets.UTF_8)))
            throw new LoadException("Article text " + SourceFiles.describe(file) + " does not survive a UTF-8 round trip");
        return new ArticleText(decoded);
    }

    /** The whole text. */
    public String text() {
        return text;
    }

    /** The number of characters (code points). */
    public int length() {
        return length;
    }

    /** The characters in [begin, end), counted in code points; the caller checks the range first. */
    public String slice(int begin, int end) {
        int from = text.offsetByCodePoints(0, begin);
        int to = text.offsetByCodePoints(from, end - begin);
        return text.substring(from, to);
    }
}
