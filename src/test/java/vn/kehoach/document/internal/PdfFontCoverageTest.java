package vn.kehoach.document.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * The PDF's bundled font draws every Vietnamese letter in all four faces: each of the twelve vowels with each of the
 * five tone marks (and none), both cases, and đ/Đ, precomposed (what the writers send after NFC) and as combining
 * marks (should a text reach the font undecomposed), plus the đồng sign.
 */
class PdfFontCoverageTest {

    static String vietnameseLetters() {
        StringBuilder out = new StringBuilder("đĐ");
        for (String base : "aăâeêioôơuưy".split("")) {
            for (String tone : List.of("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")) {
                String letter = Normalizer.normalize(base + tone, Normalizer.Form.NFC);
                out.append(letter).append(letter.toUpperCase(java.util.Locale.ROOT));
            }
        }
        return out.toString();
    }

    @Test
    void liberationSerifCoversEveryVietnameseLetterInEveryFace() throws IOException, FontFormatException {
        String letters = vietnameseLetters();
        assertThat(letters.codePointCount(0, letters.length())).isEqualTo(146);
        assertThat(Normalizer.isNormalized(letters, Normalizer.Form.NFC)).isTrue();
        for (String face : List.of("Regular", "Bold", "Italic", "BoldItalic")) {
            try (InputStream in = new ClassPathResource("fonts/LiberationSerif-" + face + ".ttf").getInputStream()) {
                Font font = Font.createFont(Font.TRUETYPE_FONT, in);
                StringBuilder missing = new StringBuilder();
                (letters + "\u0300\u0301\u0303\u0309\u0323\u20AB").codePoints()
                        .filter(cp -> !font.canDisplay(cp)).forEach(missing::appendCodePoint);
                assertThat(missing.toString()).as(face).isEmpty();
            }
        }
    }

    @Test
    void aDecomposedLetterIsPrintedAsOne() {
        String stored = "quy\u0303 đất, ky\u0303 năng, Chiến sy\u0303";
        assertThat(Printed.nfc(stored)).isEqualTo("quỹ đất, kỹ năng, Chiến sỹ").hasSize(stored.length() - 3);
    }
}
