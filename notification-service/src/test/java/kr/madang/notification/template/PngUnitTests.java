package kr.madang.notification.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/** The hand-written PNG is read back by an independent decoder (the JDK's ImageIO), pixel by pixel. */
class PngUnitTests {

    @Test
    void aCheckerboardWhoseWidthIsNoMultipleOfEight_decodesToTheSamePixels() throws IOException {
        int width = 13;
        int height = 5;
        int rowBytes = 1 + (width + 7) / 8;
        byte[] scanlines = new byte[rowBytes * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if ((x + y) % 2 == 0) {
                    scanlines[y * rowBytes + 1 + (x >> 3)] |= (byte) (0x80 >>> (x & 7));
                }
            }
        }

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Png.greyscaleOneBit(width, height, scanlines)));

        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isEqualTo(height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                assertThat(image.getRGB(x, y) & 0xFFFFFF).as("pixel %d,%d", x, y)
                        .isEqualTo((x + y) % 2 == 0 ? 0xFFFFFF : 0x000000);
            }
        }
    }

    @Test
    void scanlinesOfTheWrongLength_areRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Png.greyscaleOneBit(13, 5, new byte[10]));
    }
}
