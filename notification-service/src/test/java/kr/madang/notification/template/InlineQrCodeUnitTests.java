package kr.madang.notification.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import io.nayuki.qrcodegen.QrCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InlineQrCodeUnitTests {

    @ParameterizedTest
    @ValueSource(strings = {"K7QP-2F9X", "t.3f2a9c1e.Lq0_-abcdefghijklmnopqrstuvwxyz0123456789",
            "t.0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                    + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.sig"})
    void everyModuleIsDrawnBlackOrWhiteAsTheSymbolHasIt_withAWhiteQuietZone(String code) throws IOException {
        QrCode symbol = InlineQrCode.symbol(code);
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(InlineQrCode.png(code)));

        int modules = symbol.size + 8; // a quiet zone of four modules on each side
        assertThat(png.getWidth()).isEqualTo(png.getHeight()).isEqualTo(modules * 6);
        int wrong = 0;
        for (int my = 0; my < modules; my++) {
            for (int mx = 0; mx < modules; mx++) {
                boolean dark = symbol.getModule(mx - 4, my - 4); // false outside the symbol: the quiet zone
                for (int[] corner : new int[][] {{0, 0}, {5, 0}, {0, 5}, {5, 5}, {3, 3}}) {
                    int rgb = png.getRGB(mx * 6 + corner[0], my * 6 + corner[1]) & 0xFFFFFF;
                    if (rgb != (dark ? 0x000000 : 0xFFFFFF)) {
                        wrong++;
                    }
                }
            }
        }
        assertThat(wrong).as("pixels that differ from their module").isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"K7QP-2F9X", "t.3f2a9c1e.Lq0_-abcdefghijklmnopqrstuvwxyz0123456789"})
    void theHtmlAnnouncesTheSizeThePngHas(String code) throws IOException {
        String html = InlineQrCode.embed("<html><body><p>x</p></body></html>", code, "ko");
        InlineQrCode.Inline sent = InlineQrCode.forSending(html);
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(sent.png()));

        assertThat(sent.html()).contains("width=\"" + png.getWidth() + "\"", "height=\"" + png.getHeight() + "\"",
                "alt=\"입장 QR 코드\"").doesNotContain("data-madang-qr");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0123456789", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.", "abcdefghijklmnopqrstuvwxyz0123456789._-"})
    void theSizeKnownFromOneTextIsTheSizeOfEveryOtherTextOfTheSameShape(String alphabet) {
        for (int length = 1; length <= 200; length++) {
            String first = text(alphabet, length, 0);
            String other = text(alphabet, length, 7);
            assertThat(other).isNotEqualTo(first);

            InlineQrCode.imageSize(first); // the shape's size is now known from the first text
            assertThat(InlineQrCode.imageSize(other)).as("length %d of %s", length, alphabet)
                    .isEqualTo((InlineQrCode.symbol(other).size + 8) * 6);
        }
    }

    /** A text of the alphabet's characters; another shift (below the alphabet's size) changes every character. */
    private static String text(String alphabet, int length, int shift) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt((i * 5 + shift) % alphabet.length()));
        }
        return text.toString();
    }
}
